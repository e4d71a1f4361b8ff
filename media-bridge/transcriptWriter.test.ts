import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogger } from '../common/logger.js';
import type { NewTranscriptLine } from '../db/calls.js';
import { TranscriptWriter } from './transcriptWriter.js';

const line = (n: number): NewTranscriptLine => ({ callId: 'c', speaker: 'callee', text: `line ${n}`, spokenAt: new Date(n).toISOString(), sourceId: `in:${n}` });

describe('transcript writer', () => {
  it('keeps every line, in order, through a database outage', async () => {
    const stored: string[] = [];
    let outage = 3;
    const writer = new TranscriptWriter(async (l) => {
      if (outage-- > 0) throw new Error('connection refused');
      stored.push(l.text);
    }, createLogger('test', 'error'), 5);
    for (let n = 1; n <= 4; n++) writer.write(line(n));
    assert.equal(await writer.flush(2000), 0);
    assert.deepEqual(stored, ['line 1', 'line 2', 'line 3', 'line 4']);
  });
});
