import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resample } from './resampler.js';

function tone(frequency: number, rate: number, seconds: number, amplitude = 10000): Int16Array {
  return Int16Array.from({ length: rate * seconds }, (_, i) => Math.round(amplitude * Math.sin((2 * Math.PI * frequency * i) / rate)));
}

/** RMS level relative to a full sine of `amplitude`, ignoring the filter's start-up at the edges. */
function gainDb(samples: Int16Array, amplitude = 10000): number {
  const body = samples.subarray(samples.length / 8, (samples.length * 7) / 8);
  const rms = Math.sqrt(body.reduce((sum, s) => sum + s * s, 0) / body.length);
  return 20 * Math.log10(rms / (amplitude / Math.SQRT2));
}

test('22050 Hz -> 8000 Hz keeps the length ratio', () => {
  assert.equal(resample(new Int16Array(22050), 22050, 8000).length, 8000);
  assert.equal(resample(new Int16Array(441), 22050, 8000).length, 160);
});

test('tones in the telephone band pass unchanged', () => {
  for (const frequency of [300, 1000, 2000, 3000]) {
    const gain = gainDb(resample(tone(frequency, 22050, 1), 22050, 8000));
    assert.ok(Math.abs(gain) < 0.1, `${frequency} Hz changed by ${gain.toFixed(2)} dB`);
  }
});

test('tones above 4 kHz are filtered out instead of folding back as aliases', () => {
  // Naive decimation would turn 5 kHz into an audible 3 kHz tone at full level.
  for (const frequency of [4300, 5000, 7000, 10000]) {
    const gain = gainDb(resample(tone(frequency, 22050, 1), 22050, 8000));
    assert.ok(gain < -60, `${frequency} Hz only attenuated to ${gain.toFixed(1)} dB`);
  }
});

test('upsampling interpolates a tone smoothly', () => {
  const gain = gainDb(resample(tone(1000, 8000, 1), 8000, 16000));
  assert.ok(Math.abs(gain) < 0.1, `1 kHz changed by ${gain.toFixed(2)} dB`);
});

test('rejects nonsensical sample rates', () => {
  assert.throws(() => resample(new Int16Array(10), 0, 8000), RangeError);
  assert.throws(() => resample(new Int16Array(10), 22050, 8000.5), RangeError);
});
