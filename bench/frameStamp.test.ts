import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRAME_BYTES, levelDbfs } from '../common/audio/mulaw.js';
import { benchFrame, framesOf, isSpeech, readFrameIndex, readHoldMicros, writeHoldMicros } from './frameStamp.js';

test('a frame carries its index through a base64 round trip', () => {
  for (const index of [0, 1, 49, 4095, 123_456, 0xffffffff]) {
    const frame = benchFrame(index, false);
    assert.equal(frame.length, FRAME_BYTES);
    assert.equal(readFrameIndex(Buffer.from(frame.toString('base64'), 'base64')), index);
  }
});

test('a chunk of several frames gives back each frame, in order', () => {
  const chunk = Buffer.concat([benchFrame(7, false), benchFrame(8, true), benchFrame(9, false)]);
  const frames = framesOf(chunk);
  assert.deepEqual(frames.map((f) => readFrameIndex(f)), [7, 8, 9]);
  assert.deepEqual(frames.map(isSpeech), [false, true, false]);
});

test('the stamp keeps a quiet frame quiet and a loud frame loud', () => {
  const quiet = benchFrame(0xffffffff, false);
  const loud = benchFrame(7, true);
  assert.ok(levelDbfs(quiet) < -45, `quiet frame at ${levelDbfs(quiet)} dBFS`);
  assert.equal(isSpeech(quiet), false);
  assert.equal(isSpeech(loud), true);
});

test('the engine stub hold time travels in the frame without touching the index', () => {
  const frame = benchFrame(42, false);
  assert.equal(readHoldMicros(frame), 0);
  writeHoldMicros(frame, 1234.4);
  assert.equal(readHoldMicros(frame), 1234);
  assert.equal(readFrameIndex(frame), 42);
});
