import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMulaw, encodeMulaw, FRAME_BYTES, MULAW_SILENCE } from '../../common/audio/mulaw.js';
import { mixFrames } from './audioMix.js';

const frameOf = (sample: number) => encodeMulaw(new Int16Array(FRAME_BYTES).fill(sample));

test('one voice passes through byte for byte; nobody talking is silence', () => {
  const voice = Buffer.from(Array.from({ length: FRAME_BYTES }, (_, i) => (i * 37) % 256));
  assert.deepEqual(mixFrames([Buffer.alloc(FRAME_BYTES, MULAW_SILENCE), voice, Buffer.alloc(FRAME_BYTES, 0x7f)]), voice);
  assert.deepEqual(mixFrames([]), Buffer.alloc(FRAME_BYTES, MULAW_SILENCE));
});

test('two voices add up, and a loud sum clips instead of wrapping around', () => {
  const mixed = decodeMulaw(mixFrames([frameOf(1000), frameOf(2000)]));
  assert.ok(Math.abs(mixed[0] - 3000) < 100, String(mixed[0]));
  const cancelled = decodeMulaw(mixFrames([frameOf(1000), frameOf(-1000)]));
  assert.ok(Math.abs(cancelled[0]) < 40, String(cancelled[0]));
  const clipped = decodeMulaw(mixFrames([frameOf(30000), frameOf(30000)]));
  assert.ok(clipped[0] > 30000, String(clipped[0]));
});
