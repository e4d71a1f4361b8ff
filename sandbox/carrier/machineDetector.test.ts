import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAME_BYTES, silence } from '../../common/audio/mulaw.js';
import { voicemailBeep } from '../businesses/voicemailStage.js';
import { synthesize } from '../speech/synthesizer.js';
import { MachineDetector, type AnsweringParty, type MachineDetectionRequest, type MachineVerdict } from './machineDetector.js';

const DEFAULTS = { timeoutMs: 30_000, speechThresholdMs: 2400, speechEndThresholdMs: 1200, silenceTimeoutMs: 5000 };

function detect(audio: Buffer, party: AnsweringParty, request: Partial<MachineDetectionRequest> = {}): MachineVerdict | null {
  const detector = new MachineDetector({ mode: 'Enable', ...DEFAULTS, ...request }, party);
  const padded = Buffer.concat([audio, silence(40_000)]);
  for (let offset = 0; offset < padded.length; offset += FRAME_BYTES) {
    const verdict = detector.push(padded.subarray(offset, offset + FRAME_BYTES));
    if (verdict) return verdict;
  }
  return null;
}

const ms = (audio: Buffer) => audio.length / 8;

test('a person who says hello is human once the hello is over', async () => {
  const hello = await synthesize('Hello?');
  const verdict = detect(Buffer.concat([silence(600), hello]), 'human');
  assert.equal(verdict?.answeredBy, 'human');
  const expected = 600 + ms(hello) + DEFAULTS.speechEndThresholdMs;
  assert.ok(Math.abs(verdict.durationMs - expected) <= 120, `${verdict.durationMs} ms, expected about ${expected}`);
});

test('a long greeting is judged at the speech threshold: machine_start for a machine, human for a person', async () => {
  const greeting = await synthesize("Hi, you've reached the office of Doctor Anita Patel. Please leave a message after the tone.");
  const audio = Buffer.concat([silence(500), greeting]);
  const machine = detect(audio, 'machine');
  assert.equal(machine?.answeredBy, 'machine_start');
  // The synthesizer leaves about 50 ms of silence before the first word.
  assert.ok(Math.abs(machine.durationMs - (500 + 50 + 2400)) <= 40, `${machine.durationMs}`);
  assert.equal(detect(audio, 'human')?.answeredBy, 'human');
  assert.equal(detect(audio, 'unknown')?.answeredBy, 'unknown');
});

test('DetectMessageEnd waits for the end of the message: the beep, or silence without one', async () => {
  const greeting = await synthesize('Please leave your name, number and the reason for your call after the tone.');
  const withBeep = Buffer.concat([silence(500), greeting, voicemailBeep()]);
  const afterBeep = detect(withBeep, 'machine', { mode: 'DetectMessageEnd' });
  assert.equal(afterBeep?.answeredBy, 'machine_end_beep');
  assert.ok(Math.abs(afterBeep.durationMs - ms(withBeep)) <= 40, `${afterBeep.durationMs} ms for ${ms(withBeep)} ms of greeting and beep`);
  const withoutBeep = Buffer.concat([silence(500), greeting]);
  const verdict = detect(withoutBeep, 'machine', { mode: 'DetectMessageEnd' });
  assert.equal(verdict?.answeredBy, 'machine_end_silence');
  assert.ok(verdict.durationMs >= ms(withoutBeep) + 1000, `${verdict.durationMs}`);
});

test('silence is unknown after the silence timeout; a greeting that never ends is cut off at the timeout', async () => {
  assert.deepEqual(detect(Buffer.alloc(0), 'human'), { answeredBy: 'unknown', durationMs: 5000 });
  assert.deepEqual(detect(Buffer.alloc(0), 'human', { silenceTimeoutMs: 2000 }), { answeredBy: 'unknown', durationMs: 2000 });
  const sentence = await synthesize('This message repeats until you hang up.');
  const endless = Buffer.concat(Array.from({ length: 8 }, () => sentence));
  assert.deepEqual(detect(endless, 'machine', { mode: 'DetectMessageEnd', timeoutMs: 4000 }), { answeredBy: 'machine_end_other', durationMs: 4000 });
});
