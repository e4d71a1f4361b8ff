import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Business } from '../businesses/business.js';
import { CallerSimulator } from '../businesses/callerSimulator.js';
import { synthesize } from '../speech/synthesizer.js';
import { findCaller } from './sandboxCallers.js';
import { ScriptedCaller } from './scriptedCaller.js';

const dana = findCaller('dana')!;
const ASSISTANT_VOICE = 'en-us+f3';

/** Dana on the line, with the test playing the application's side (CallerSimulator drives her frames). */
function callFromDana(): { line: () => ScriptedCaller; app: CallerSimulator } {
  let line: ScriptedCaller | undefined;
  const asBusiness: Business = {
    id: dana.id,
    name: dana.name,
    number: dana.number,
    pickup: 'answer',
    rings: 1,
    answer: (context) => (line = new ScriptedCaller(dana, context)),
  };
  const app = new CallerSimulator(asBusiness);
  return { line: () => line!, app };
}

test('Dana waits for the greeting, says why she calls, answers, says goodbye and hangs up', async () => {
  const { line, app } = callFromDana();
  await app.say("Hello, you've reached Jane Doe's assistant. How can I help you?", ASSISTANT_VOICE);
  assert.equal(await app.nextBusinessTurn(), dana.reason);
  await app.say('Of course. May I have your name, please?', ASSISTANT_VOICE);
  assert.equal(await app.nextBusinessTurn(), 'This is Dana, D A N A, from Patel Dental.');
  await app.say("Thank you, Dana. I'll pass the message on. Is there anything else?", ASSISTANT_VOICE);
  assert.equal(await app.nextBusinessTurn(), dana.goodbye);
  assert.equal(await app.nextBusinessTurn(), null, 'she hung up');

  const report = line().callerReport();
  assert.equal(report.hungUpBy, 'caller');
  assert.deepEqual(report.said, [dana.reason, 'This is Dana, D A N A, from Patel Dental.', dana.goodbye]);
  assert.deepEqual(report.heard, [
    "Hello, you've reached Jane Doe's assistant. How can I help you?",
    'Of course. May I have your name, please?',
    "Thank you, Dana. I'll pass the message on. Is there anything else?",
  ]);
  assert.deepEqual(line().facts, dana.message);
});

test('when nobody greets her, Dana speaks up; on a line that stays quiet she asks, then gives up', async () => {
  const { line, app } = callFromDana();
  assert.equal(await app.nextBusinessTurn(), dana.reason);
  const reasonSeconds = (await synthesize(dana.reason, { voice: dana.voice })).length / 8000;
  // Her turn ends (as the listener's turn detector sees it) half a second after she started at 6 s.
  assert.ok(Math.abs(app.seconds - (6 + reasonSeconds + 0.5)) < 0.3, `${app.seconds} s`);
  assert.equal(await app.nextBusinessTurn(), 'Hello? Are you still there?');
  assert.equal(await app.nextBusinessTurn(), 'Hello? Are you still there?');
  assert.equal(await app.nextBusinessTurn(), dana.goodbye);
  assert.equal(await app.nextBusinessTurn(), null);
  assert.equal(line().callerReport().hungUpBy, 'caller');
});

test('when the other side only acknowledges and then says nothing more, Dana wraps up herself', async () => {
  const { line, app } = callFromDana();
  await app.say("Hello, you've reached Jane Doe's assistant. How can I help you?", ASSISTANT_VOICE);
  assert.equal(await app.nextBusinessTurn(), dana.reason);
  await app.say('Okay, thank you.', ASSISTANT_VOICE);
  const before = app.seconds;
  assert.equal(await app.nextBusinessTurn(), dana.goodbye);
  assert.ok(app.seconds - before > 12, `she waited ${app.seconds - before} s before wrapping up`);
  assert.equal(await app.nextBusinessTurn(), null);
  assert.deepEqual(line().callerReport().said, [dana.reason, dana.goodbye]);
});
