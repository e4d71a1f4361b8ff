import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import type { RecordingRow } from '../db/recordings.js';
import { RangeNotSatisfiableError, type RecordingStore } from '../storage/recordingStore.js';

/** Streams a call's recording, honouring a single byte range so audio players can seek. */
export async function sendRecording(req: Request, res: Response, store: RecordingStore, recording: RecordingRow): Promise<void> {
  const ranges = req.range(recording.bytes, { combine: true });
  const range = Array.isArray(ranges) && ranges.length === 1 ? { start: ranges[0].start, end: ranges[0].end } : undefined;
  const unsatisfiable = () => void res.status(416).set('content-range', `bytes */${recording.bytes}`).end();
  if (ranges === -1) return unsatisfiable();
  let opened;
  try {
    opened = await store.open(recording.filePath, range);
  } catch (err) {
    if (err instanceof RangeNotSatisfiableError) return unsatisfiable();
    throw err;
  }
  if (!opened) return void res.status(410).json({ error: 'the recording is gone from storage' });
  res.status(opened.range ? 206 : 200).type('audio/wav').set({
    'accept-ranges': 'bytes',
    'content-length': String(opened.bytes),
    'content-disposition': `inline; filename="${recording.callId}.wav"`,
  });
  if (opened.range) res.set('content-range', `bytes ${opened.range.start}-${opened.range.end}/${opened.totalBytes}`);
  // A listener closing the player mid-file is not an error worth more than releasing the source.
  await pipeline(opened.body, res).catch(() => opened.body.destroy());
}
