import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bitErrorRate, errorRatesAround, HASH_BITS, recentErrorRates } from './fingerprintMatch.js';
import { seededRandom } from './testSignals/pcm.js';

/*
 * The ring walks are written for speed (slots stepped rather than divided, three lags in one pass);
 * here they are checked against the plain definition, frame by frame with a modulo, on rings that
 * wrap, with quiet frames, and with matches reaching back to the very first frames. (Rates here
 * are compared for equality: the same sums, divided the same way, give the same double.)
 */

function plainDifferingBits(now: number, then: number): number {
  if (now < 0 && then < 0) return -1;
  if (now < 0 || then < 0) return HASH_BITS / 2;
  let bits = 0;
  for (let v = now ^ then; v !== 0; v >>>= 1) bits += v & 1;
  return bits;
}

function plainRate(hashes: Int32Array, frameNumbers: number[], lag: number, minCompared: number): number {
  let errors = 0;
  let compared = 0;
  for (const i of frameNumbers) {
    const bits = plainDifferingBits(hashes[i % hashes.length], hashes[(i - lag) % hashes.length]);
    if (bits < 0) continue;
    errors += bits;
    compared++;
  }
  return compared >= minCompared ? errors / (compared * HASH_BITS) : 2;
}

function plainBitErrorRate(hashes: Int32Array, t: number, lag: number, frames: number, minCompared: number): number {
  const frameNumbers: number[] = [];
  for (let i = Math.max(lag, t - frames + 1); i <= t; i++) frameNumbers.push(i);
  return plainRate(hashes, frameNumbers, lag, minCompared);
}

function plainRecentErrorRate(hashes: Int32Array, t: number, lag: number, wanted: number, lookBack: number): number {
  const frameNumbers: number[] = [];
  let comparable = 0;
  for (let i = t; i >= Math.max(lag, t - lookBack) && comparable < wanted; i--) {
    frameNumbers.push(i);
    if (plainDifferingBits(hashes[i % hashes.length], hashes[(i - lag) % hashes.length]) >= 0) comparable++;
  }
  return plainRate(hashes, frameNumbers, lag, wanted);
}

/** A ring of fingerprints: a loop of `period` frames (a divisor of `length`) repeating with bits flipped, and quiet frames. */
function ring(length: number, period: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const loop = Array.from({ length: period }, () => Math.floor(random() * 0x10000));
  return Int32Array.from({ length }, (_, i) => {
    if (random() < 0.15) return -1;
    return random() < 0.3 ? loop[i % period] ^ (1 << Math.floor(random() * HASH_BITS)) : loop[i % period];
  });
}

test('error rates over the latest frames match the plain definition, across the ring\'s wrap', () => {
  const hashes = ring(97, 23, 1);
  const counts = Int32Array.of(6, 12, 20);
  const rates = new Float64Array(3);
  for (let t = 0; t < 400; t += 3) {
    for (const lag of [1, 2, 22, 23, 24, 46, 60, 95]) {
      for (const [frames, minCompared] of [[30, 20], [8, 6], [10, 8], [5, 0]]) {
        assert.equal(bitErrorRate(hashes, t, lag, frames, minCompared), plainBitErrorRate(hashes, t, lag, frames, minCompared), `t ${t} lag ${lag} frames ${frames}`);
      }
      recentErrorRates(hashes, t, lag, counts, 30, rates);
      assert.deepEqual([...rates], [...counts].map((wanted) => plainRecentErrorRate(hashes, t, lag, wanted, 30 + wanted)), `t ${t} lag ${lag}`);
    }
  }
});

test('the rates at a lag and its two neighbours, taken in one pass, are each the plain rate', () => {
  const hashes = ring(200, 50, 2);
  const rates = new Float64Array(3);
  for (let t = 0; t < 700; t += 7) {
    for (const lag of [1, 3, 30, 49, 50, 51, 100, 150, 198]) {
      errorRatesAround(hashes, t, lag, 30, 20, rates);
      const plain = [-1, 0, 1].map((offset) => plainBitErrorRate(hashes, t, lag + offset, 30, 20));
      assert.deepEqual([...rates], plain, `t ${t} lag ${lag}`);
    }
  }
  errorRatesAround(hashes, 640, 150, 30, 20, rates);
  assert.ok(rates[1] < 0.25 && rates[0] > 0.4 && rates[2] > 0.4, `a repeat shows at its lag only: ${[...rates]}`);
});
