import type { Business } from './business.js';
import { BusinessCall } from './businessCall.js';
import type { BusinessScript } from './businessScript.js';
import { makeFacts, renderLine } from './callFacts.js';

const E164 = /^\+[1-9]\d{1,14}$/;

/** Turns a script into a business the carrier can call; rejects scripts that could not run. */
export function scriptedBusiness(script: BusinessScript): Business {
  const { id, name, number } = script;
  if (!E164.test(number)) throw new Error(`business ${id}: number ${number} is not E.164`);
  if (script.pickup !== 'answer') return { id, name, number, pickup: script.pickup };
  const { steps } = script.conversation;
  if (!Number.isInteger(script.rings) || script.rings < 1) throw new Error(`business ${id}: rings must be a positive whole number`);
  if (steps.length === 0 || !steps[steps.length - 1].hangUp) throw new Error(`business ${id}: the last conversation step must hang up`);
  if (steps.some((step) => step.say.length === 0)) throw new Error(`business ${id}: every step must say something`);
  const sampleFacts = makeFacts(script.facts ?? {}, 'validation');
  const { silence } = script.conversation;
  for (const line of [...steps.flatMap((step) => step.say), silence.reprompt, silence.giveUp]) renderLine(line, sampleFacts);
  return {
    id,
    name,
    number,
    pickup: 'answer',
    rings: script.rings,
    answer: (call) => new BusinessCall(script, call),
  };
}
