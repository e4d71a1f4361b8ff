import assert from 'node:assert/strict';
import { test } from 'node:test';
import { levelDbfs } from '../../common/audio/mulaw.js';
import { FrameAnalyzer, type FrameFeatures } from './frameAnalyzer.js';
import { dtmfTone, ringback, tones } from './testSignals/callProgressTones.js';
import { holdMusic } from './testSignals/holdMusic.js';
import { lineNoise, seededRandom, toMulaw, type Pcm } from './testSignals/pcm.js';
import { framesOf } from './testSignals/speech.js';

/** Features of every frame after the first few (the analysis window needs 32 ms to fill). */
function analyzeAll(pcm: Pcm): FrameFeatures[] {
  const analyzer = new FrameAnalyzer();
  return framesOf(toMulaw(pcm))
    .map((frame) => ({ ...analyzer.analyze(frame) }))
    .slice(3);
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

test('a pure tone shows its frequency and fills the spectrum', () => {
  for (const hz of [400, 697, 1000, 1633, 2000]) {
    for (const f of analyzeAll(tones([hz], 400, -16)).slice(0, -3)) {
      assert.ok(Math.abs(f.peakHz - hz) < 5, `${hz} Hz read as ${f.peakHz.toFixed(1)} Hz`);
      assert.ok(f.peakShare > 0.95, `${hz} Hz: peak share ${f.peakShare}`);
      assert.equal(f.ringbackShare, 0, 'one tone is no ringback');
    }
  }
});

test('ringback is told from a single tone between its two', () => {
  const rings = analyzeAll(ringback(1900));
  assert.ok(rings.every((f) => f.ringbackShare > 0.8), 'every frame of 440+480 Hz');
  assert.ok(analyzeAll(tones([460], 1000, -20)).every((f) => f.ringbackShare === 0), '460 Hz alone');
  assert.ok(analyzeAll(dtmfTone('5', 500)).every((f) => f.ringbackShare === 0 && f.peakShare < 0.7), 'DTMF has two far-apart tones');
});

test('the level is the frame RMS in dBFS', () => {
  const audio = toMulaw(holdMusic({ style: 'pads', ms: 2000, levelDbfs: -24 }));
  const analyzer = new FrameAnalyzer();
  for (const frame of framesOf(audio)) assert.ok(Math.abs(analyzer.analyze(frame).levelDbfs - levelDbfs(frame)) < 1e-6);
});

test('hiss is flat, music is not; held notes barely change, speech-like bursts do', () => {
  const hiss = analyzeAll(lineNoise(2000, -40, seededRandom(1)));
  const pads = analyzeAll(holdMusic({ style: 'pads', ms: 4000, levelDbfs: -20, seed: 2 }));
  assert.ok(mean(hiss.map((f) => f.flatness)) > 0.5);
  assert.ok(mean(pads.map((f) => f.flatness)) < 0.35);
  assert.ok(mean(pads.map((f) => f.fluxDb)) < 1.5, 'sustained chords');
  const upbeat = analyzeAll(holdMusic({ style: 'upbeat', ms: 4000, levelDbfs: -20, seed: 3 }));
  assert.ok(mean(upbeat.map((f) => f.fluxDb)) > mean(pads.map((f) => f.fluxDb)) * 2, 'drums change the spectrum');
});

test('refuses frames that are not 160 bytes', () => {
  assert.throws(() => new FrameAnalyzer().analyze(Buffer.alloc(320)), RangeError);
});
