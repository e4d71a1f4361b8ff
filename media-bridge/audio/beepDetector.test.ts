import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BeepDetector, type BeepEvent } from './beepDetector.js';
import { dtmfTone, ringback, tones } from './testSignals/callProgressTones.js';
import { holdMusic, HOLD_MUSIC_STYLES } from './testSignals/holdMusic.js';
import { concatenated, lineNoise, mixInto, seededRandom, silentPcm, toMulaw, type Pcm } from './testSignals/pcm.js';
import { framesOf, speech } from './testSignals/speech.js';

const GREETING = "Hi, you've reached Dana. I can't take your call right now, please leave a message after the tone.";

function beepsIn(parts: Pcm[], seed = 1): BeepEvent[] {
  const pcm = concatenated(parts);
  mixInto(pcm, lineNoise(pcm.length / 8, -62, seededRandom(seed)), 0);
  const detector = new BeepDetector();
  const beeps: BeepEvent[] = [];
  framesOf(toMulaw(pcm)).forEach((frame, n) => {
    const beep = detector.push(frame, n * 20);
    if (beep) beeps.push(beep);
  });
  return beeps;
}

test('hears the beep after a voicemail greeting, with its pitch, and says when it ended', async () => {
  const greeting = await speech(GREETING, 'en-us+f3');
  for (const [hz, ms] of [[1000, 500], [440, 250], [850, 1200], [1400, 160], [1950, 800]]) {
    const beepEndMs = greeting.length / 8 + 300 + ms;
    const beeps = beepsIn([greeting, silentPcm(300), tones([hz], ms, -14), silentPcm(3000)]);
    assert.equal(beeps.length, 1, `${hz} Hz for ${ms} ms: ${JSON.stringify(beeps)}`);
    assert.ok(Math.abs(beeps[0].frequencyHz - hz) <= 15, `heard ${beeps[0].frequencyHz} Hz for ${hz} Hz`);
    assert.ok(Math.abs(beeps[0].atMs - beepEndMs) <= 60, `ended at ${beeps[0].atMs} ms, really ${beepEndMs} ms`);
  }
});

test('a beep straight after the last word still counts', async () => {
  const greeting = await speech('Please leave your message.', 'en-gb');
  assert.equal(beepsIn([greeting, tones([1000], 400, -12), silentPcm(2000)]).length, 1);
});

test('no beep in DTMF digits, ringback, or tones too short or too long', () => {
  const digits = '18005550101#'.split('').flatMap((key) => [dtmfTone(key, 120), silentPcm(80)]);
  assert.deepEqual(beepsIn(digits), []);
  assert.deepEqual(beepsIn([ringback(14_000)]), []);
  assert.deepEqual(beepsIn([silentPcm(500), tones([1000], 100, -14), silentPcm(500)]), [], 'a 100 ms blip is a click, not a beep');
  assert.deepEqual(beepsIn([silentPcm(500), tones([1000], 2500, -14), silentPcm(500)]), [], 'a 2.5 s tone is no beep');
});

test('no beep in speech from any sandbox voice', async () => {
  for (const voice of ['en-us', 'en-us+f3', 'en-gb', 'es']) {
    const words = await speech('Thank you for calling. Your call is important to us. Please hold, and a representative will be with you shortly.', voice);
    assert.deepEqual(beepsIn([words, silentPcm(500)]), [], voice);
  }
});

test('no beep in hold music of any style', () => {
  for (const [n, style] of HOLD_MUSIC_STYLES.entries()) {
    assert.deepEqual(beepsIn([holdMusic({ style, ms: 30_000, levelDbfs: -16, seed: n + 1 })]), [], style);
  }
});
