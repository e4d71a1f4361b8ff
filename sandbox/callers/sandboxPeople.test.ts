import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CallerSimulator, utterancesIn } from '../businesses/callerSimulator.js';
import { prepareSpeech } from '../businesses/businessCall.js';
import { slotValue } from '../businesses/spokenAnswer.js';
import { loadScenarios } from '../scenarios/scenarioLoader.js';
import { synthesize } from '../speech/synthesizer.js';
import { PEOPLE_DIR, sandboxPeople } from './sandboxPeople.js';

const janesPhone = () => sandboxPeople().find((person) => person.number === '+15550100100')!;
const OTHERS_VOICE = 'en-us+m3';

async function janeOnTheLine(callSid: string): Promise<CallerSimulator> {
  for (const script of loadScenarios([PEOPLE_DIR])) if (script.pickup === 'answer') await prepareSpeech(script);
  const call = new CallerSimulator(janesPhone(), { callSid, seed: 'people' });
  assert.equal(await call.nextBusinessTurn(), 'Hi, this is Jane Doe.');
  return call;
}

/** Jane hears the line to its end and a while after it, and says nothing. */
async function staysSilent(call: CallerSimulator, line: string): Promise<void> {
  const seconds = (await synthesize(line, { voice: OTHERS_VOICE })).length / 8000;
  await call.say(line, OTHERS_VOICE);
  assert.deepEqual(utterancesIn(await call.listen(seconds + 3)), [], `Jane answered: ${line}`);
  assert.equal(call.hungUp, false);
}

test('Jane says hello, answers only what is asked of her, and says bye when the call ends', async () => {
  const call = await janeOnTheLine('CA-jane-1');
  await call.say('Thank you. For verification, please state your full name and date of birth.', OTHERS_VOICE);
  const identity = (await call.nextBusinessTurn()) ?? '';
  assert.equal(identity, 'My name is Jane Doe, and my date of birth is November 3, 1979.');
  assert.equal(slotValue('date-of-birth', identity), '1979-11-03', "Meridian's records");

  await staysSilent(call, "Thank you. Here is the issue, in Jane's words: I received a hospital bill for 1,240 dollars and I'd like a payment plan.");
  await staysSilent(call, "Thank you, you're verified. What can I help you with today?");
  await staysSilent(call, 'I can set that up. Your reference number is M H P 4 8 2 9 1 7. The first payment will be drafted on Thursday, March 6. Is there anything else?');

  await call.say('Am I speaking with the account holder?', OTHERS_VOICE);
  assert.equal(await call.nextBusinessTurn(), 'Yes, this is Jane Doe speaking.');
  await call.say("I've sent a one-time code to your phone. Could you read it to me?", OTHERS_VOICE);
  const answer = (await call.nextBusinessTurn()) ?? '';
  const spelled = /The code is ((?:\d )+\d)\. Again, ((?:\d )+\d)\./.exec(answer);
  assert.ok(spelled, answer);
  assert.equal(spelled[1], spelled[2]);
  assert.deepEqual(call.line.facts, { code: spelled[1].replaceAll(' ', '') });

  await call.say("No, that's everything. Thank you for your help, goodbye!", OTHERS_VOICE);
  assert.equal(await call.nextBusinessTurn(), 'Okay, bye.');
  assert.equal(await call.nextBusinessTurn(), null, 'she hung up');
});

test('Jane hangs up on a line that has gone silent', async () => {
  const call = await janeOnTheLine('CA-jane-2');
  const before = call.seconds;
  assert.equal(await call.nextBusinessTurn(), "I can't hear anyone anymore. Bye.");
  assert.ok(call.seconds - before >= 30, `she waited ${call.seconds - before} s`);
  assert.equal(await call.nextBusinessTurn(), null);
});

test("Jane's phone is a person's line: it answers, in person", () => {
  const jane = janesPhone();
  assert.equal(jane.name, "Jane's phone");
  assert.equal(jane.pickup === 'answer' && jane.answeredBy, 'people');
});
