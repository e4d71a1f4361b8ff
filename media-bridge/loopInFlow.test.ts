import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogger } from '../common/logger.js';
import type { Telephony } from '../telephony/telephony.js';
import { LoopInFlow, type LoopInHost } from './loopInFlow.js';
import { noTelephony } from './testing/noTelephony.js';

const SETTINGS = { userPhone: '+15550100100', agentAppSid: 'AP' + '0'.repeat(31) + '1', fromNumber: '+12125550100' };
const CALL = { callId: 'call_1', callSid: 'CA' + '1'.repeat(32), voiceUrl: 'http://api/twilio/voice?callId=call_1', userName: 'Jane Doe' };

/** A carrier whose user leg goes through `userStatuses` (one per poll), recording what was asked of it. */
function carrier(overrides: Partial<Telephony>, userStatuses: string[] = []): Telephony & { updates: string[] } {
  const updates: string[] = [];
  return {
    ...noTelephony,
    findLiveConference: async () => 'CF' + '2'.repeat(32),
    fetchCall: async () => ({ status: userStatuses.shift() ?? 'completed', durationSeconds: null }),
    updateCall: async (_sid, twiml) => void updates.push(twiml),
    ...overrides,
    updates,
  };
}

function host(): LoopInHost & { said: Array<{ text: string; respond: boolean }>; events: string[]; over: boolean } {
  const h = {
    said: [] as Array<{ text: string; respond: boolean }>,
    events: [] as string[],
    over: false,
    tellModel: (text: string, respond = false) => void h.said.push({ text, respond }),
    lineEvent: (type: string) => void h.events.push(type),
    system: () => undefined,
    agentDoneSpeaking: async () => undefined,
    isOver: () => h.over,
  };
  return h;
}

const log = createLogger('test', 'error');
const settle = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
};

test('without a phone to ring, the model is told the customer cannot join', () => {
  const h = host();
  const answer = new LoopInFlow(undefined, carrier({}), CALL, h, log).request('account holder only');
  assert.equal(answer.ok, false);
  assert.match(answer.note, /cannot be reached/);
  assert.deepEqual(h.events, ['user-needed']);
});

test('when the user answers, the model is told to let them speak, and when they leave, to carry on', async () => {
  const h = host();
  const flow = new LoopInFlow(SETTINGS, carrier({}, ['ringing', 'in-progress', 'in-progress', 'completed']), CALL, h, log);
  assert.equal(flow.request('account holder only').ok, true);
  await settle(() => h.events.includes('user-left'));
  assert.deepEqual(h.events, ['user-needed', 'user-joined', 'user-left']);
  assert.match(h.said[0].text, /Jane Doe\) is now on the line .* Stay quiet/);
  assert.equal(h.said[0].respond, false, 'the model waits for the representative');
});

test('a user who never answers is reported, and the model asks the representative how to go on', async () => {
  const h = host();
  new LoopInFlow(SETTINGS, carrier({}, ['ringing', 'ringing', 'no-answer']), CALL, h, log).request('one-time code');
  await settle(() => h.events.includes('user-unreachable'));
  assert.deepEqual(h.events, ['user-needed', 'user-unreachable']);
  assert.match(h.said.at(-1)!.text, /did not answer/);
  assert.equal(h.said.at(-1)!.respond, true);
});

test('if the conference never opens, the call goes back to the agent and the representative is told', async () => {
  const h = host();
  const telephony = carrier({ findLiveConference: async () => null });
  const flow = new LoopInFlow(SETTINGS, telephony, CALL, h, log);
  flow.request('account holder only');
  await settle(() => h.events.includes('user-unreachable'));
  assert.equal(flow.active, false, 'keys can be pressed again');
  assert.match(telephony.updates.at(-1)!, /<Redirect method="POST">http:\/\/api\/twilio\/voice\?callId=call_1<\/Redirect>/);
  assert.match(h.said.at(-1)!.text, /could not be connected/);
});
