import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RealFft } from './realFft.js';

function directPower(signal: Float64Array, k: number): number {
  let re = 0;
  let im = 0;
  for (let n = 0; n < signal.length; n++) {
    re += signal[n] * Math.cos((2 * Math.PI * k * n) / signal.length);
    im -= signal[n] * Math.sin((2 * Math.PI * k * n) / signal.length);
  }
  return re * re + im * im;
}

test('gives the same power spectrum as the textbook DFT', () => {
  // Every stage arrangement: no middle stages (16), pairs only (64, 256), pairs and a single one (32, 128, 512).
  for (const size of [16, 32, 64, 128, 256, 512]) {
    const signal = Float64Array.from({ length: size }, (_, n) => Math.sin(n * 0.3) + 0.5 * Math.cos(n * 1.7) + ((n * 7919) % 13) / 20);
    const power = new Float64Array(size / 2 + 1);
    new RealFft(size).powerSpectrum(signal, power);
    for (let k = 0; k <= size / 2; k++) {
      const expected = directPower(signal, k);
      assert.ok(Math.abs(power[k] - expected) <= 1e-9 * (1 + expected), `size ${size}, bin ${k}: ${power[k]} vs ${expected}`);
    }
  }
});

test('a tone lands in its bin', () => {
  const signal = Float64Array.from({ length: 256 }, (_, n) => Math.cos((2 * Math.PI * 32 * n) / 256));
  const power = new Float64Array(129);
  new RealFft(256).powerSpectrum(signal, power);
  const loudest = power.indexOf(Math.max(...power));
  assert.equal(loudest, 32);
});

test('only sizes it can transform are accepted', () => {
  for (const size of [0, 4, 8, 100, 255, 1.5]) assert.throws(() => new RealFft(size), RangeError, String(size));
});
