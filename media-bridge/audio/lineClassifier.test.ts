import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineClassifier, type LineKind, type LineSecond } from './lineClassifier.js';
import { ringback } from './testSignals/callProgressTones.js';
import { holdMusic, HOLD_MUSIC_STYLES } from './testSignals/holdMusic.js';
import { concatenated, lineNoise, mixInto, seededRandom, silentPcm, toMulaw, type Pcm } from './testSignals/pcm.js';
import { framesOf, speech } from './testSignals/speech.js';

const ANNOUNCEMENT = 'Thank you for holding. Your call is important to us. Please stay on the line and the next available representative will be with you shortly.';
const CONVERSATION = [
  'Hi, thanks for holding, this is Dana in billing. How can I help you today?',
  'I see the duplicate charge on your statement from last Tuesday, and I can refund it right away.',
  'Could you please confirm the last four digits of the card on the account?',
];

function classify(parts: Pcm[], noiseDbfs = -62): LineSecond[] {
  const pcm = concatenated(parts);
  mixInto(pcm, lineNoise(pcm.length / 8, noiseDbfs, seededRandom(2)), 0);
  const classifier = new LineClassifier();
  const seconds: LineSecond[] = [];
  for (const frame of framesOf(toMulaw(pcm))) {
    const second = classifier.push(frame);
    if (second) seconds.push(second);
  }
  return seconds;
}

function share(seconds: LineSecond[], kind: LineKind): number {
  return seconds.filter((s) => s.kind === kind).length / seconds.length;
}

test('a person talking is speech, in every sandbox voice', async () => {
  for (const voice of ['en-us', 'en-us+f3', 'en-gb', 'es']) {
    const parts: Pcm[] = [];
    for (const text of CONVERSATION) parts.push(await speech(text, voice), silentPcm(400));
    const seconds = classify(parts);
    assert.ok(share(seconds, 'speech') >= 0.85, `${voice}: ${seconds.map((s) => s.kind).join(' ')}`);
    assert.equal(share(seconds, 'music'), 0, voice);
  }
});

test('hold music of every style, from -30 to -12 dBFS, is music, with its level', () => {
  for (const [n, style] of HOLD_MUSIC_STYLES.entries()) {
    for (const levelDbfs of [-30, -20, -12]) {
      const seconds = classify([holdMusic({ style, ms: 30_000, levelDbfs, seed: n + 7 })]);
      assert.equal(share(seconds, 'music'), 1, `${style} at ${levelDbfs} dBFS: ${seconds.map((s) => s.kind).join(' ')}`);
      const meanLevel = seconds.reduce((sum, s) => sum + s.levelDbfs, 0) / seconds.length;
      assert.ok(Math.abs(meanLevel - levelDbfs) < 2, `${style}: measured ${meanLevel.toFixed(1)} dBFS`);
    }
  }
});

test('ringback is ringback through its silent gaps too', () => {
  const seconds = classify([ringback(30_000)]);
  assert.equal(share(seconds, 'ringback'), 1, seconds.map((s) => s.kind).join(' '));
});

test('an idle line is silence, even a hissing one', () => {
  assert.equal(share(classify([silentPcm(15_000)]), 'silence'), 1);
  assert.equal(share(classify([silentPcm(15_000)], -38), 'silence'), 1, 'hiss at -38 dBFS');
});

test('a recorded announcement is speech when new and an announcement when it comes again over other music', async () => {
  const announcement = await speech(ANNOUNCEMENT, 'en-us');
  const seconds = classify([
    holdMusic({ style: 'pads', ms: 10_000, levelDbfs: -20, seed: 3 }),
    announcement,
    holdMusic({ style: 'lead', ms: 20_000, levelDbfs: -20, seed: 4 }),
    announcement,
  ]);
  const clipSeconds = Math.floor(announcement.length / 8000);
  const first = seconds.slice(11, 10 + clipSeconds);
  const again = seconds.slice(31 + clipSeconds, 30 + 2 * clipSeconds);
  assert.ok(share(first, 'speech') >= 0.8, `first time: ${first.map((s) => s.kind).join(' ')}`);
  assert.ok(share(again, 'announcement') >= 0.8, `again: ${again.map((s) => s.kind).join(' ')}`);
});

test('confidence is reported between 0.5 and 1', async () => {
  const seconds = classify([await speech(CONVERSATION[0]), holdMusic({ style: 'upbeat', ms: 5000, levelDbfs: -20 }), ringback(6000), silentPcm(3000)]);
  for (const second of seconds) assert.ok(second.confidence >= 0.5 && second.confidence <= 1, JSON.stringify(second));
});

test('refuses frames that are not 20 ms of mu-law', () => {
  assert.throws(() => new LineClassifier().push(Buffer.alloc(100)), RangeError);
});
