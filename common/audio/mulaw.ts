// G.711 mu-law, the only audio format on the phone path: 8 kHz, mono, one byte a sample.
export const SAMPLE_RATE = 8000;
export const FRAME_MS = 20;
export const FRAME_BYTES = (SAMPLE_RATE / 1000) * FRAME_MS;
export const MULAW_SILENCE = 0xff;

const BIAS = 0x84;
const CLIP = 32635;

export function encodeSample(sample: number): number {
  let s = Math.max(-32768, Math.min(32767, Math.round(sample)));
  const sign = s < 0 ? 0x80 : 0;
  if (s < 0) s = -s;
  if (s > CLIP) s = CLIP;
  s += BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (s >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

const DECODE_TABLE = new Int16Array(256);
for (let i = 0; i < 256; i++) {
  const u = ~i & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + BIAS) << exponent) - BIAS;
  DECODE_TABLE[i] = u & 0x80 ? -magnitude : magnitude;
}

export function decodeSample(byte: number): number {
  return DECODE_TABLE[byte & 0xff];
}

export function encodeMulaw(pcm: Int16Array): Buffer {
  const out = Buffer.allocUnsafe(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = encodeSample(pcm[i]);
  return out;
}

export function decodeMulaw(bytes: Uint8Array): Int16Array {
  const out = new Int16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = DECODE_TABLE[bytes[i]];
  return out;
}

export function silence(ms: number): Buffer {
  return Buffer.alloc((SAMPLE_RATE / 1000) * ms, MULAW_SILENCE);
}

/** Root-mean-square level of a mu-law chunk in dBFS (-inf for digital silence). */
export function levelDbfs(bytes: Uint8Array): number {
  if (bytes.length === 0) return -Infinity;
  let sum = 0;
  for (let i = 0; i < bytes.length; i++) {
    const s = DECODE_TABLE[bytes[i]];
    sum += s * s;
  }
  const rms = Math.sqrt(sum / bytes.length);
  return rms === 0 ? -Infinity : 20 * Math.log10(rms / 32768);
}
