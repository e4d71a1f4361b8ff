import { BAND_COUNT } from './frameAnalyzer.js';

/**
 * How well the fingerprints of the latest frames match those `lag` frames earlier. `hashes` is a
 * ring of fingerprints indexed by frame number modulo its length, -1 for a quiet frame. Two quiet
 * frames say nothing and are not compared; a frame loud on one side only counts as half its bits
 * wrong. Rates are the share of differing bits, or 2 when too few frames compare.
 */

/** A fingerprint has a bit per pair of neighbouring bands: whether their slope rose. */
export const HASH_BITS = BAND_COUNT - 1;

/** Over frames t - frames + 1 .. t (none before `lag`), needing `minCompared` compared. */
export function bitErrorRate(hashes: Int32Array, t: number, lag: number, frames: number, minCompared: number): number {
  const ring = hashes.length;
  let errors = 0;
  let compared = 0;
  const from = Math.max(lag, t - frames + 1);
  // Ring slots stepped alongside the frame number, rather than two divisions a frame.
  let nowSlot = from % ring;
  let thenSlot = (from - lag) % ring;
  for (let i = from; i <= t; i++) {
    const bits = differingBits(hashes[nowSlot], hashes[thenSlot]);
    nowSlot = nowSlot === ring - 1 ? 0 : nowSlot + 1;
    thenSlot = thenSlot === ring - 1 ? 0 : thenSlot + 1;
    if (bits < 0) continue;
    errors += bits;
    compared++;
  }
  return compared >= minCompared ? errors / (compared * HASH_BITS) : 2;
}

/**
 * For each count in `wanted` (ascending), the rate over the latest that many frames that compare,
 * looking back at most `lookBeyond` + that count frames before t; into `rates`. The walks back
 * from t are one walk, each rate taken when its count is reached.
 */
export function recentErrorRates(hashes: Int32Array, t: number, lag: number, wanted: Int32Array, lookBeyond: number, rates: Float64Array): void {
  const ring = hashes.length;
  const most = wanted[wanted.length - 1];
  for (let w = 0; w < wanted.length; w++) rates[w] = 2;
  let next = 0;
  let errors = 0;
  let compared = 0;
  let nowSlot = t % ring;
  let thenSlot = (t - lag) % ring;
  const oldest = Math.max(lag, t - lookBeyond - most);
  for (let i = t; i >= oldest && compared < most; i--) {
    const bits = differingBits(hashes[nowSlot], hashes[thenSlot]);
    nowSlot = (nowSlot === 0 ? ring : nowSlot) - 1;
    thenSlot = (thenSlot === 0 ? ring : thenSlot) - 1;
    if (bits < 0) continue;
    errors += bits;
    if (++compared < wanted[next]) continue;
    if (i >= t - lookBeyond - compared) rates[next] = errors / (compared * HASH_BITS);
    next++;
  }
}

/**
 * bitErrorRate at lag - 1, lag and lag + 1, into rates[0..2]. When all three cover the same frames
 * (the usual case), in one pass: each frame's fingerprint is read once, and the three earlier
 * ones slide along, one new read a frame.
 */
export function errorRatesAround(hashes: Int32Array, t: number, lag: number, frames: number, minCompared: number, rates: Float64Array): void {
  const from = t - frames + 1;
  if (from < lag + 1) {
    for (let offset = -1; offset <= 1; offset++) rates[offset + 1] = bitErrorRate(hashes, t, lag + offset, frames, minCompared);
    return;
  }
  const ring = hashes.length;
  let nowSlot = from % ring;
  let newestSlot = (from - lag + 1) % ring;
  let atLag = hashes[(from - lag) % ring];
  let atLagPlusOne = hashes[(from - lag - 1) % ring];
  let errorsMinus = 0;
  let errorsAt = 0;
  let errorsPlus = 0;
  let comparedMinus = 0;
  let comparedAt = 0;
  let comparedPlus = 0;
  for (let i = from; i <= t; i++) {
    const now = hashes[nowSlot];
    const atLagMinusOne = hashes[newestSlot];
    nowSlot = nowSlot === ring - 1 ? 0 : nowSlot + 1;
    newestSlot = newestSlot === ring - 1 ? 0 : newestSlot + 1;
    const minus = differingBits(now, atLagMinusOne);
    const at = differingBits(now, atLag);
    const plus = differingBits(now, atLagPlusOne);
    if (minus >= 0) {
      errorsMinus += minus;
      comparedMinus++;
    }
    if (at >= 0) {
      errorsAt += at;
      comparedAt++;
    }
    if (plus >= 0) {
      errorsPlus += plus;
      comparedPlus++;
    }
    atLagPlusOne = atLag;
    atLag = atLagMinusOne;
  }
  rates[0] = comparedMinus >= minCompared ? errorsMinus / (comparedMinus * HASH_BITS) : 2;
  rates[1] = comparedAt >= minCompared ? errorsAt / (comparedAt * HASH_BITS) : 2;
  rates[2] = comparedPlus >= minCompared ? errorsPlus / (comparedPlus * HASH_BITS) : 2;
}

/** Bits that differ between two frames' fingerprints, or -1 when both are quiet (nothing to compare). */
function differingBits(now: number, then: number): number {
  if (now < 0 && then < 0) return -1;
  return now < 0 || then < 0 ? HASH_BITS / 2 : bitCount(now ^ then);
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
