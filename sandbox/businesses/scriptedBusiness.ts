import type { Business } from './business.js';
import { BusinessCall } from './businessCall.js';
import type { BusinessScript } from './businessScript.js';
import { isOpenAt } from './openingHours.js';

export interface ScriptedBusinessOptions {
  /** Wall clock for opening hours and dates (tests pin it). */
  now?: () => Date;
}

/**
 * Turns a (validated) script into a business the carrier can call. The business remembers how often
 * each number has called, in memory, so a line can drop a first call and work on the retry.
 */
export function scriptedBusiness(script: BusinessScript, options: ScriptedBusinessOptions = {}): Business {
  const { id, name, number, description, expected } = script;
  const identity = { id, name, number, description, expected };
  if (script.pickup !== 'answer') return { ...identity, pickup: script.pickup };
  const callsFrom = new Map<string, number>();
  const now = options.now ?? (() => new Date());
  const { hours } = script;
  return {
    ...identity,
    pickup: 'answer',
    answeredBy: script.answeredBy,
    rings: script.rings,
    openNow: () => !hours || isOpenAt(hours, script.timeZone, now()),
    answer(call) {
      const attempt = (callsFrom.get(call.from) ?? 0) + 1;
      callsFrom.set(call.from, attempt);
      return new BusinessCall(script, call, { now, attempt });
    },
  };
}
