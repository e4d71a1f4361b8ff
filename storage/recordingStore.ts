import type { Readable } from 'node:stream';

/** Byte offsets into a recording, inclusive like an HTTP Range; `end` defaults to the last byte. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface OpenedRecording {
  body: Readable;
  /** Bytes in `body`. */
  bytes: number;
  /** Size of the whole recording. */
  totalBytes: number;
  /** The part of the recording in `body` (inclusive offsets) when a range was asked for. */
  range: { start: number; end: number } | null;
}

/** Where call recordings (dual-channel WAV) are kept: a local directory or an S3-compatible bucket. */
export interface RecordingStore {
  /** Stores a WAV under `key` and returns its location: the value to keep in `recordings.file_path`. */
  save(key: string, wav: Buffer): Promise<string>;
  /** The recording at a location `save` returned, or null once it no longer exists. */
  open(location: string, range?: ByteRange): Promise<OpenedRecording | null>;
  /** Where recordings go, for logs. */
  describe(): string;
}

/** The asked-for range starts at or past the end of the recording (HTTP 416). */
export class RangeNotSatisfiableError extends Error {
  constructor(readonly totalBytes: number) {
    super(`the requested range is outside the recording (${totalBytes} bytes)`);
  }
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** `recordings/<callId>/<recordingSid>.wav`: one folder per call, one file per carrier recording. */
export function recordingKey(callId: string, recordingSid: string): string {
  for (const [name, value] of [['call id', callId], ['recording sid', recordingSid]]) {
    if (!ID_PATTERN.test(value)) throw new Error(`${name} "${value}" cannot name a recording (expected letters, digits, "_" or "-")`);
  }
  return `recordings/${callId}/${recordingSid}.wav`;
}

export function assertValidRange(range: ByteRange): void {
  if (!Number.isSafeInteger(range.start) || range.start < 0 || (range.end !== undefined && (!Number.isSafeInteger(range.end) || range.end < range.start))) {
    throw new RangeError(`invalid byte range ${JSON.stringify(range)}`);
  }
}

/** The inclusive span of a recording of `totalBytes` that `range` selects; null for the whole recording. */
export function spanOf(range: ByteRange | undefined, totalBytes: number): { start: number; end: number } | null {
  if (!range) return null;
  assertValidRange(range);
  if (range.start >= totalBytes) throw new RangeNotSatisfiableError(totalBytes);
  return { start: range.start, end: Math.min(range.end ?? totalBytes - 1, totalBytes - 1) };
}
