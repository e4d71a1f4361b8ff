import { SAMPLE_RATE } from '../../../common/audio/mulaw.js';
import { levelledTo, samplesIn, type Pcm } from './pcm.js';

/** A steady sum of sine tones with 5 ms ramps at each end, at an RMS level of `dbfs`. */
export function tones(frequenciesHz: number[], ms: number, dbfs: number): Pcm {
  const out = new Float32Array(samplesIn(ms));
  const ramp = samplesIn(5);
  for (let i = 0; i < out.length; i++) {
    let sample = 0;
    for (const hz of frequenciesHz) sample += Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE);
    const edge = Math.min(1, i / ramp, (out.length - 1 - i) / ramp);
    out[i] = sample * edge;
  }
  return levelledTo(out, dbfs);
}

/** US ringback: 440 + 480 Hz, 2 s on, 4 s off, starting with a ring. */
export function ringback(ms: number, dbfs = -22): Pcm {
  const out = new Float32Array(samplesIn(ms));
  const ring = tones([440, 480], 2000, dbfs);
  const period = samplesIn(6000);
  for (let start = 0; start < out.length; start += period) {
    out.set(ring.subarray(0, Math.min(ring.length, out.length - start)), start);
  }
  return out;
}

const DTMF_LOW_HZ: Record<string, number> = { '1': 697, '2': 697, '3': 697, '4': 770, '5': 770, '6': 770, '7': 852, '8': 852, '9': 852, '*': 941, '0': 941, '#': 941 };
const DTMF_HIGH_HZ: Record<string, number> = { '1': 1209, '2': 1336, '3': 1477, '4': 1209, '5': 1336, '6': 1477, '7': 1209, '8': 1336, '9': 1477, '*': 1209, '0': 1336, '#': 1477 };

/** One key's dual tone. */
export function dtmfTone(key: string, ms: number, dbfs = -15): Pcm {
  const low = DTMF_LOW_HZ[key];
  const high = DTMF_HIGH_HZ[key];
  if (low === undefined || high === undefined) throw new RangeError(`dtmfTone: no key "${key}"`);
  return tones([low, high], ms, dbfs);
}
