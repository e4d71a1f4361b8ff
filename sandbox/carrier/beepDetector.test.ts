import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeMulaw, FRAME_BYTES, SAMPLE_RATE, silence } from '../../common/audio/mulaw.js';
import { voicemailBeep } from '../businesses/voicemailStage.js';
import { synthesize } from '../speech/synthesizer.js';
import { BeepDetector, dominantTone, probeHz } from './beepDetector.js';
import { dtmfToneAudio } from './dtmfTones.js';

function tone(hz: number, ms: number, amplitude = 0.3): Buffer {
  const samples = new Int16Array((SAMPLE_RATE * ms) / 1000);
  for (let i = 0; i < samples.length; i++) samples[i] = amplitude * 32767 * Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE);
  return encodeMulaw(samples);
}

/** The frame indexes (20 ms each) on which the detector reported a finished beep. */
function beepEnds(audio: Buffer): number[] {
  const detector = new BeepDetector();
  const ends: number[] = [];
  for (let frame = 0; frame * FRAME_BYTES < audio.length; frame++) {
    if (detector.push(audio.subarray(frame * FRAME_BYTES, (frame + 1) * FRAME_BYTES))) ends.push(frame);
  }
  return ends;
}

test('a voicemail beep is heard, and reported on the first frame after it', () => {
  const audio = Buffer.concat([silence(400), voicemailBeep(), silence(400)]);
  assert.deepEqual(beepEnds(audio), [20 + 25]);
});

test('beeps of other pitches count too, whatever their exact frequency', () => {
  for (const hz of [440, 853, 1400, 1990]) {
    assert.equal(beepEnds(Buffer.concat([tone(hz, 300), silence(100)])).length, 1, `${hz} Hz`);
    assert.ok(Math.abs(probeHz(dominantTone(tone(hz, 20))) - hz) <= 13, `${hz} Hz is found at its frequency`);
  }
});

test('speech, key tones and short blips are not beeps', async () => {
  const speech = await synthesize('Please leave your name and number after the tone, and we will call you back.');
  assert.deepEqual(beepEnds(Buffer.concat([speech, silence(200)])), []);
  assert.deepEqual(beepEnds(Buffer.concat([dtmfToneAudio('5'), dtmfToneAudio('9'), silence(200)])), []);
  assert.deepEqual(beepEnds(Buffer.concat([tone(1000, 120), silence(200)])), []);
  assert.deepEqual(beepEnds(Buffer.concat([tone(1000, 400, 0.002), silence(200)])), [], 'too quiet to be a beep');
});
