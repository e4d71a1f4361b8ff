import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utteranceIndex } from '../speech/utteranceIndex.js';
import { callScenario, scenarioFromYaml, utterancesIn } from './callerSimulator.js';
import { voicemailBeep } from './voicemailStage.js';

const GREETING = 'You have reached Doctor Patel. Please leave a message after the tone.';
const MESSAGE = 'Hi, this is Jane Doe. I need to move my cleaning to next week. Please call me back at 555 0100.';

const script = scenarioFromYaml(`
name: Answering Machine
number: "+18005550195"
line: { pickup: voicemail, rings: 3 }
voicemail:
  greeting: ${GREETING}
  endSilenceSeconds: 2
  goodbye: Thank you. Goodbye.
expected:
  outcome: { finalStatus: completed, reached: voicemail }
`);

test('voicemail: greeting, then the beep, then it records until the caller stops and hangs up', async () => {
  const caller = await callScenario(script);
  const opening = await caller.listen(8);
  assert.deepEqual(utterancesIn(opening), [GREETING]);
  const beepAt = opening.indexOf(voicemailBeep());
  assert.ok(beepAt > 0, 'the beep is played');
  const greeting = utteranceIndex.recognize(opening)!.utterances[0];
  assert.ok(beepAt >= greeting.endByte, 'after the greeting');

  await caller.say(MESSAGE);
  assert.equal(await caller.nextBusinessTurn(), 'Thank you. Goodbye.');
  assert.equal(await caller.nextBusinessTurn(), null);
  const { voicemail } = caller.line.report!();
  assert.equal(voicemail?.message, MESSAGE);
  assert.ok(voicemail!.seconds > 5, `recorded ${voicemail?.seconds} s`);
});
