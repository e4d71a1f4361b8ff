import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAME_BYTES, MULAW_SILENCE } from '../../common/audio/mulaw.js';
import { PlayoutQueue } from './playoutQueue.js';

const tone = (bytes: number, value: number) => Buffer.alloc(bytes, value);

test('plays queued audio as 160-byte frames across chunk boundaries, then silence', () => {
  const queue = new PlayoutQueue();
  queue.enqueue(tone(100, 1));
  queue.enqueue(tone(100, 2));
  const first = queue.nextFrame();
  assert.equal(first.length, FRAME_BYTES);
  assert.deepEqual(first, Buffer.concat([tone(100, 1), tone(60, 2)]));
  const second = queue.nextFrame();
  assert.deepEqual(second, Buffer.concat([tone(40, 2), tone(120, MULAW_SILENCE)]));
  assert.deepEqual(queue.nextFrame(), tone(FRAME_BYTES, MULAW_SILENCE));
});

test('a marker is reached only when the audio queued before it has been played', () => {
  const queue = new PlayoutQueue();
  const reached: string[] = [];
  queue.enqueue(tone(400, 1));
  queue.enqueueMarker(() => reached.push('a'));
  queue.enqueue(tone(160, 2));
  queue.enqueueMarker(() => reached.push('b'));
  queue.nextFrame();
  queue.nextFrame();
  assert.deepEqual(reached, []);
  queue.nextFrame(); // the last 80 bytes of the first chunk
  assert.deepEqual(reached, ['a']);
  queue.nextFrame();
  assert.deepEqual(reached, ['a', 'b']);
});

test('a marker with nothing queued before it is reached on the next frame', () => {
  const queue = new PlayoutQueue();
  const reached: string[] = [];
  queue.enqueueMarker(() => reached.push('now'));
  assert.deepEqual(reached, []);
  queue.nextFrame();
  assert.deepEqual(reached, ['now']);
});

test('clear drops the audio and reaches every pending marker in order', () => {
  const queue = new PlayoutQueue();
  const reached: string[] = [];
  queue.enqueue(tone(1600, 1));
  queue.enqueueMarker(() => reached.push('1'));
  queue.enqueue(tone(1600, 2));
  queue.enqueueMarker(() => reached.push('2'));
  assert.equal(queue.bufferedMs, 400);
  queue.nextFrame();
  queue.clear();
  assert.deepEqual(reached, ['1', '2']);
  assert.equal(queue.bufferedMs, 0);
  assert.deepEqual(queue.nextFrame(), tone(FRAME_BYTES, MULAW_SILENCE));
});
