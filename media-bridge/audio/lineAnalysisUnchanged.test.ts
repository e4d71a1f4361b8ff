import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BeepDetector } from './beepDetector.js';
import { HoldDetector } from './holdDetector.js';
import { ringback, tones } from './testSignals/callProgressTones.js';
import { holdMusic } from './testSignals/holdMusic.js';
import { concatenated, lineNoise, mixInto, seededRandom, silentPcm, toMulaw } from './testSignals/pcm.js';
import { framesOf } from './testSignals/speech.js';

/*
 * What the line analysis made of one generated minute, recorded before its per-frame cost was cut
 * (fused FFT stages, a byte ring, one-pass fingerprint matching): seconds classified, hold events,
 * the beep, and where a repeat was recognized and released. The speed-up changed none of it. If
 * the classifier is changed on purpose, record the new outcome here.
 */

function line(): Buffer {
  const music = holdMusic({ style: 'upbeat', ms: 12_000, levelDbfs: -20, seed: 4 });
  const pcm = concatenated([
    silentPcm(1000),
    ringback(6000),
    silentPcm(500),
    tones([1000], 400, -14),
    silentPcm(1500),
    music,
    music,
    music,
    holdMusic({ style: 'vocal', ms: 6000, levelDbfs: -22, seed: 5 }),
    silentPcm(3000),
    holdMusic({ style: 'piano', ms: 5000, levelDbfs: -26, seed: 6 }),
  ]);
  const noiseUntil = pcm.length - 8 * 8000;
  mixInto(pcm, lineNoise(noiseUntil / 8, -62, seededRandom(3)), 0);
  return toMulaw(pcm);
}

/** A letter a second: music, ringback, announcement, speech, silence. */
const LETTERS = { music: 'm', ringback: 'r', announcement: 'a', speech: 'S', silence: '.' } as const;

function observe(): { seconds: string; events: string[]; beeps: string[]; repeats: string[] } {
  const detector = new HoldDetector();
  const beeps = new BeepDetector();
  const outcome = { seconds: '', events: [] as string[], beeps: [] as string[], repeats: [] as string[] };
  let repeating = false;
  framesOf(line()).forEach((frame, n) => {
    const nowMs = n * 20;
    const event = detector.push(frame, nowMs);
    if (event) outcome.events.push(JSON.stringify(event));
    const second = detector.classifier.secondJustEnded;
    if (second) outcome.seconds += LETTERS[second.kind];
    const beep = beeps.pushFeatures(detector.classifier.latestFeatures, nowMs);
    if (beep) outcome.beeps.push(JSON.stringify(beep));
    if (detector.classifier.repeating !== repeating) {
      repeating = detector.classifier.repeating;
      outcome.repeats.push(repeating ? `from ${detector.classifier.repeatingSince} at ${n + 1}` : `ends at ${n + 1}`);
    }
  });
  return outcome;
}

test('a generated minute of line audio is classified exactly as before the speed-up', () => {
  assert.deepEqual(observe(), {
    seconds: '.rrrrrrS.mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm..mmmmm',
    events: [
      '{"type":"hold-started","atMs":2980}',
      '{"type":"human-reached","atMs":8380,"onsetMs":7500}',
      '{"type":"hold-started","atMs":10980}',
    ],
    beeps: ['{"type":"beep","atMs":7900,"frequencyHz":1000,"durationMs":400}'],
    repeats: ['from 827 at 856', 'ends at 866', 'from 839 at 868', 'ends at 909', 'from 887 at 916', 'ends at 931', 'from 906 at 935', 'ends at 1077', 'from 1060 at 1089', 'ends at 2283'],
  });
});
