import { FRAME_BYTES, MULAW_SILENCE, encodeSample, levelDbfs } from '../common/audio/mulaw.js';

// A benchmark frame carries two numbers in its first 16 bytes, one hex nibble per byte, written as the
// quietest mu-law codes (0xf0..0xff, at most -48 dBFS) so a stamp never makes a quiet frame sound loud:
// bytes 0-7 the frame's index within its call (written by the carrier), bytes 8-15 how many microseconds
// the engine stub held the frame before echoing it (written by the stub, 0 until then).
const NIBBLES = 8;
const INDEX_AT = 0;
const HOLD_AT = 8;

/** Frames louder than this count as speech onset (quiet frames sit near -48 dBFS at most). */
export const SPEECH_LEVEL_DBFS = -30;

const LOUD_TONE = buildLoudTone();

/** A 20 ms frame stamped with its index: digital silence, or a loud 440 Hz tone standing in for speech. */
export function benchFrame(index: number, loud: boolean): Buffer {
  const frame = loud ? Buffer.from(LOUD_TONE) : Buffer.alloc(FRAME_BYTES, MULAW_SILENCE);
  writeNibbles(frame, INDEX_AT, index);
  writeNibbles(frame, HOLD_AT, 0);
  return frame;
}

export function readFrameIndex(frame: Uint8Array): number {
  return readNibbles(frame, INDEX_AT);
}

/** How long the engine stub held the frame, in microseconds. */
export function readHoldMicros(frame: Uint8Array): number {
  return readNibbles(frame, HOLD_AT);
}

export function writeHoldMicros(frame: Uint8Array, micros: number): void {
  writeNibbles(frame, HOLD_AT, Math.min(0xffffffff, Math.max(0, Math.round(micros))));
}

export function isSpeech(frame: Uint8Array): boolean {
  return levelDbfs(frame) > SPEECH_LEVEL_DBFS;
}

/** The 20 ms frames of a chunk of audio (a model or a bridge may send several at once), as views, not copies. */
export function framesOf(chunk: Buffer): Buffer[] {
  const frames: Buffer[] = [];
  for (let at = 0; at + FRAME_BYTES <= chunk.length; at += FRAME_BYTES) frames.push(chunk.subarray(at, at + FRAME_BYTES));
  return frames;
}

function writeNibbles(frame: Uint8Array, at: number, value: number): void {
  for (let i = 0; i < NIBBLES; i++) frame[at + i] = 0xf0 | ((value >>> (4 * (NIBBLES - 1 - i))) & 0x0f);
}

function readNibbles(frame: Uint8Array, at: number): number {
  let value = 0;
  for (let i = 0; i < NIBBLES; i++) value = value * 16 + (frame[at + i] & 0x0f);
  return value;
}

function buildLoudTone(): Buffer {
  const tone = Buffer.alloc(FRAME_BYTES);
  for (let i = 0; i < FRAME_BYTES; i++) tone[i] = encodeSample(16000 * Math.sin((2 * Math.PI * 440 * i) / 8000));
  return tone;
}
