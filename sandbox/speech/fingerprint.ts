import { decodeSample } from '../../common/audio/mulaw.js';

/**
 * Content-defined anchors over raw mu-law bytes. A window's hash depends only on its bytes, and a
 * window becomes an anchor when its hash meets a condition, so the same audio yields the same
 * anchors wherever it sits in a stream and however the stream was chunked.
 */

/** Bytes hashed per window (4 ms at 8 kHz). */
export const WINDOW_BYTES = 32;
/** Mean distance between anchors in speech: one window in 64 qualifies. */
const ANCHOR_MASK = 63;
/** Windows quieter than this carry no anchor: near-silence is alike in every utterance. */
const MIN_LOUD_BYTES = WINDOW_BYTES / 4;
const LOUD_MAGNITUDE = 256; // about -42 dBFS

const BASE = 0x01000193;
const BASE_POW_WINDOW = powMod32(BASE, WINDOW_BYTES);

const LOUD = new Uint8Array(256);
for (let b = 0; b < 256; b++) LOUD[b] = Math.abs(decodeSample(b)) >= LOUD_MAGNITUDE ? 1 : 0;

export interface Anchors {
  /** Hash of each anchor window. */
  hashes: Uint32Array;
  /** Byte offset of each anchor window, ascending. */
  positions: Int32Array;
}

export function findAnchors(audio: Uint8Array): Anchors {
  const hashes: number[] = [];
  const positions: number[] = [];
  let rolling = 0;
  let loud = 0;
  for (let end = 0; end < audio.length; end++) {
    const incoming = audio[end];
    rolling = (Math.imul(rolling, BASE) + incoming) >>> 0;
    loud += LOUD[incoming];
    const start = end - WINDOW_BYTES + 1;
    if (start > 0) {
      const outgoing = audio[start - 1];
      rolling = (rolling - Math.imul(outgoing, BASE_POW_WINDOW)) >>> 0;
      loud -= LOUD[outgoing];
    }
    if (start < 0 || loud < MIN_LOUD_BYTES) continue;
    // The polynomial hash has weak low bits, so mix it before testing and keying on it.
    const hash = mix32(rolling);
    if ((hash & ANCHOR_MASK) === 0) {
      hashes.push(hash);
      positions.push(start);
    }
  }
  return { hashes: Uint32Array.from(hashes), positions: Int32Array.from(positions) };
}

/** MurmurHash3's 32-bit finalizer. */
function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function powMod32(base: number, exponent: number): number {
  let result = 1;
  for (let i = 0; i < exponent; i++) result = Math.imul(result, base) >>> 0;
  return result;
}
