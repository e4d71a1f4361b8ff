import { decodeSample, encodeSample, SAMPLE_RATE } from '../../../common/audio/mulaw.js';

/**
 * Linear audio for building test signals: Float32Array samples in -1..1 at 8 kHz, mixed and
 * levelled here, then encoded to mu-law as the line would carry it.
 */
export type Pcm = Float32Array;

export type Random = () => number;

/** mulberry32: a small seeded generator, so generated audio is the same on every run. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function samplesIn(ms: number): number {
  return Math.round((ms * SAMPLE_RATE) / 1000);
}

export function toMulaw(pcm: Pcm): Buffer {
  const out = Buffer.allocUnsafe(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = encodeSample(pcm[i] * 32767);
  return out;
}

export function fromMulaw(audio: Uint8Array): Pcm {
  const out = new Float32Array(audio.length);
  for (let i = 0; i < audio.length; i++) out[i] = decodeSample(audio[i]) / 32768;
  return out;
}

export function rmsDbfs(pcm: Pcm): number {
  let sum = 0;
  for (let i = 0; i < pcm.length; i++) sum += pcm[i] * pcm[i];
  return sum === 0 ? -Infinity : 10 * Math.log10(sum / pcm.length);
}

/** Scales in place so the RMS level is `dbfs`; returns the same array. */
export function levelledTo(pcm: Pcm, dbfs: number): Pcm {
  const current = rmsDbfs(pcm);
  if (!Number.isFinite(current)) return pcm;
  const gain = 10 ** ((dbfs - current) / 20);
  for (let i = 0; i < pcm.length; i++) pcm[i] *= gain;
  return pcm;
}

/** Hiss with a gentle low-frequency tilt, like an idle phone line. */
export function lineNoise(ms: number, dbfs: number, random: Random): Pcm {
  const out = new Float32Array(samplesIn(ms));
  let smoothed = 0;
  for (let i = 0; i < out.length; i++) {
    smoothed = 0.6 * smoothed + (random() * 2 - 1);
    out[i] = smoothed;
  }
  return levelledTo(out, dbfs);
}

/** Adds `source` (times `gain`) into `target` starting at sample `at`, clipped to the target. */
export function mixInto(target: Pcm, source: Pcm, at: number, gain = 1): void {
  const end = Math.min(target.length, at + source.length);
  for (let i = Math.max(0, at); i < end; i++) target[i] += source[i - at] * gain;
}

export function concatenated(parts: Pcm[]): Pcm {
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function silentPcm(ms: number): Pcm {
  return new Float32Array(samplesIn(ms));
}
