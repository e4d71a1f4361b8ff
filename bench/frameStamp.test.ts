import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRAME_BYTES, levelDbfs } from '../common/audio/mulaw.js';
import { benchFrame, benchPayload, framesOf, isSpeech, readFrameIndex, readHoldMicros, writeHoldMicros } from './frameStamp.js';

test('a frame carries its index through a base64 round trip', () => {
  for (const index of [0, 1, 49, 4095, 123_456, 0xffffffff]) {
    const frame = benchFrame(index, false);
    assert.equal(frame.length, FRAME_BYTES);
    assert.equal(readFrameIndex(Buffer.from(frame.toString('base64'), 'base64'), 0), index);
  }
});

test('a chunk of several frames gives back each frame, in order', () => {
  const chunk = Buffer.concat([benchFrame(7, false), benchFrame(8, true), benchFrame(9, false)]);
  const frames = framesOf(chunk);
  assert.deepEqual(frames.map((f) => readFrameIndex(f, 0)), [7, 8, 9]);
  assert.deepEqual(frames.map((f) => isSpeech(f, 0)), [false, true, false]);
});

test('the stamp keeps a quiet frame quiet and a loud frame loud', () => {
  const quiet = benchFrame(0xffffffff, false);
  const loud = benchFrame(7, true);
  assert.ok(levelDbfs(quiet) < -45, `quiet frame at ${levelDbfs(quiet)} dBFS`);
  assert.equal(isSpeech(quiet, 0), false);
  assert.equal(isSpeech(loud, 0), true);
});

test('the engine stub hold time travels in the frame without touching the index', () => {
  const frame = benchFrame(42, false);
  assert.equal(readHoldMicros(frame, 0), 0);
  writeHoldMicros(frame, 0, 1234.4);
  assert.equal(readHoldMicros(frame, 0), 1234);
  assert.equal(readFrameIndex(frame, 0), 42);
});

test('the carrier\'s base64 payload is exactly the stamped frame, quiet or loud', () => {
  for (const index of [0, 5, 65_535, 0xffffffff]) {
    for (const loud of [false, true]) assert.equal(benchPayload(index, loud), benchFrame(index, loud).toString('base64'));
  }
});

test('stamps are read and written in place, at any frame of a chunk', () => {
  const chunk = Buffer.concat([benchFrame(3, true), benchFrame(4, false)]);
  writeHoldMicros(chunk, 160, 99);
  assert.deepEqual([readFrameIndex(chunk, 0), readFrameIndex(chunk, 160)], [3, 4]);
  assert.deepEqual([readHoldMicros(chunk, 0), readHoldMicros(chunk, 160)], [0, 99]);
  assert.deepEqual([isSpeech(chunk, 0), isSpeech(chunk, 160)], [true, false]);
});
