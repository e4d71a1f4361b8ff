import { FRAME_BYTES, MULAW_SILENCE, decodeSample, encodeSample } from '../common/audio/mulaw.js';

// A benchmark frame carries two numbers in its first 16 bytes, one hex nibble per byte, written as the
// quietest mu-law codes (0xf0..0xff, at most -48 dBFS) so a stamp never makes a quiet frame sound loud:
// bytes 0-7 the frame's index within its call (written by the carrier), bytes 8-15 how many microseconds
// the engine stub held the frame before echoing it (written by the stub, 0 until then).
// Every reader and writer takes the offset of the frame within a chunk, so nothing is sliced per frame.
const NIBBLES = 8;
const INDEX_AT = 0;
const HOLD_AT = 8;

/** Frames louder than this count as speech onset (quiet frames sit near -48 dBFS at most). */
export const SPEECH_LEVEL_DBFS = -30;
/** The same threshold as a sum of squared samples over one frame, so no logarithm is taken per frame. */
const SPEECH_SUM_OF_SQUARES = FRAME_BYTES * (32768 * 10 ** (SPEECH_LEVEL_DBFS / 20)) ** 2;

// The stamp lives in the first 16 bytes; base64 turns each 3 bytes into 4 characters, so the first 18
// bytes encode on their own and the rest of a frame always encodes to the same text.
const HEAD_BYTES = 18;
const LOUD_TONE = buildLoudTone();
const QUIET = Buffer.alloc(FRAME_BYTES, MULAW_SILENCE);
const LOUD_TAIL_BASE64 = LOUD_TONE.toString('base64', HEAD_BYTES);
const QUIET_TAIL_BASE64 = QUIET.toString('base64', HEAD_BYTES);
const head = Buffer.alloc(HEAD_BYTES);

/** A 20 ms frame stamped with its index: digital silence, or a loud 440 Hz tone standing in for speech. */
export function benchFrame(index: number, loud: boolean): Buffer {
  const frame = Buffer.from(loud ? LOUD_TONE : QUIET);
  writeNibbles(frame, INDEX_AT, index);
  writeNibbles(frame, HOLD_AT, 0);
  return frame;
}

/** `benchFrame(index, loud)` as base64, encoding only the stamped head (what a simulated carrier sends 50 times a second per call). */
export function benchPayload(index: number, loud: boolean): string {
  (loud ? LOUD_TONE : QUIET).copy(head, 0, 0, HEAD_BYTES);
  writeNibbles(head, INDEX_AT, index);
  writeNibbles(head, HOLD_AT, 0);
  return head.toString('base64') + (loud ? LOUD_TAIL_BASE64 : QUIET_TAIL_BASE64);
}

/** The index of the frame starting at byte `at` of a chunk. */
export function readFrameIndex(chunk: Uint8Array, at: number): number {
  return readNibbles(chunk, at + INDEX_AT);
}

/** How long the engine stub held the frame starting at byte `at`, in microseconds. */
export function readHoldMicros(chunk: Uint8Array, at: number): number {
  return readNibbles(chunk, at + HOLD_AT);
}

export function writeHoldMicros(chunk: Uint8Array, at: number, micros: number): void {
  writeNibbles(chunk, at + HOLD_AT, Math.min(0xffffffff, Math.max(0, Math.round(micros))));
}

/** Whether the frame starting at byte `at` is louder than SPEECH_LEVEL_DBFS. */
export function isSpeech(chunk: Uint8Array, at: number): boolean {
  let sum = 0;
  for (let i = at; i < at + FRAME_BYTES; i++) {
    const sample = decodeSample(chunk[i]);
    sum += sample * sample;
  }
  return sum > SPEECH_SUM_OF_SQUARES;
}

/** The 20 ms frames of a chunk of audio (a model or a bridge may send several at once), as views, not copies. */
export function framesOf(chunk: Buffer): Buffer[] {
  const frames: Buffer[] = [];
  for (let at = 0; at + FRAME_BYTES <= chunk.length; at += FRAME_BYTES) frames.push(chunk.subarray(at, at + FRAME_BYTES));
  return frames;
}

function writeNibbles(bytes: Uint8Array, at: number, value: number): void {
  for (let i = 0; i < NIBBLES; i++) bytes[at + i] = 0xf0 | ((value >>> (4 * (NIBBLES - 1 - i))) & 0x0f);
}

function readNibbles(bytes: Uint8Array, at: number): number {
  let value = 0;
  for (let i = 0; i < NIBBLES; i++) value = value * 16 + (bytes[at + i] & 0x0f);
  return value;
}

function buildLoudTone(): Buffer {
  const tone = Buffer.alloc(FRAME_BYTES);
  for (let i = 0; i < FRAME_BYTES; i++) tone[i] = encodeSample(16000 * Math.sin((2 * Math.PI * 440 * i) / 8000));
  return tone;
}
