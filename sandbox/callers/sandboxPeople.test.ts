import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CallerSimulator } from '../businesses/callerSimulator.js';
import { prepareSpeech } from '../businesses/businessCall.js';
import { loadScenarios } from '../scenarios/scenarioLoader.js';
import { PEOPLE_DIR, sandboxPeople } from './sandboxPeople.js';

const janesPhone = () => sandboxPeople().find((person) => person.number === '+15550100100')!;

test("Jane answers her phone and reads out the one-time code when asked, then says bye", async () => {
  for (const script of loadScenarios([PEOPLE_DIR])) if (script.pickup === 'answer') await prepareSpeech(script);
  const call = new CallerSimulator(janesPhone(), { callSid: 'CA-jane-1', seed: 'people' });
  assert.equal(await call.nextBusinessTurn(), 'Hello, this is Jane.');
  await call.say("Hi Jane, it's your assistant. The bank texted you a one-time code; could you read it to me?");
  const answer = (await call.nextBusinessTurn()) ?? '';
  const spelled = /The code is ((?:\d )+\d)\. Again, ((?:\d )+\d)\./.exec(answer);
  assert.ok(spelled, answer);
  assert.equal(spelled[1], spelled[2]);
  assert.equal(spelled[1].replaceAll(' ', '').length, 6);
  assert.deepEqual(call.line.facts, { code: spelled[1].replaceAll(' ', '') });
  await call.say("Thank you, that's all. Bye.");
  assert.equal(await call.nextBusinessTurn(), 'Okay, bye.');
  assert.equal(await call.nextBusinessTurn(), null);
});

test("Jane's phone is a person's line: it answers, in person", () => {
  const jane = janesPhone();
  assert.equal(jane.name, "Jane's phone");
  assert.equal(jane.pickup === 'answer' && jane.answeredBy, 'people');
});
