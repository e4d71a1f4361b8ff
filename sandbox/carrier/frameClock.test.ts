import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { FrameClock } from './frameClock.js';

/** Collects ticks and how many arrived within one macrotask (one clock wake-up). */
function recordTicks(clock: FrameClock) {
  const ticks: number[] = [];
  let largestBatch = 0;
  let batch = 0;
  const unsubscribe = clock.onTick((tick) => {
    ticks.push(tick);
    if (batch === 0) setImmediate(() => (batch = 0));
    batch++;
    largestBatch = Math.max(largestBatch, batch);
  });
  return { ticks, unsubscribe, largestBatch: () => largestBatch };
}

test('ticks arrive numbered consecutively from zero', async () => {
  const clock = new FrameClock();
  const recorder = recordTicks(clock);
  await sleep(200);
  recorder.unsubscribe();
  assert.ok(recorder.ticks.length >= 3);
  assert.deepEqual(recorder.ticks, recorder.ticks.map((_, index) => index));
});

test('after a stall the missed ticks are caught up at most two at a time, without drift', async () => {
  let offset = 0;
  const clock = new FrameClock({ now: () => performance.now() + offset });
  const startedAt = performance.now();
  const recorder = recordTicks(clock);
  await sleep(100);
  offset += 200; // the clock's view: the process froze for 10 frames
  await sleep(400);
  const framesElapsed = Math.floor((performance.now() + offset - startedAt) / 20);
  recorder.unsubscribe();
  assert.ok(Math.abs(recorder.ticks.length - framesElapsed) <= 3, `${recorder.ticks.length} ticks in ${framesElapsed} frames`);
  assert.ok(recorder.largestBatch() <= 2, `largest batch was ${recorder.largestBatch()}`);
  assert.equal(clock.skippedTicks, 0);
  assert.deepEqual(recorder.ticks, recorder.ticks.map((_, index) => index));
});

test('a lag too large to catch up is skipped rather than replayed', async () => {
  let offset = 0;
  const clock = new FrameClock({ now: () => performance.now() + offset, maxLagFrames: 25 });
  const recorder = recordTicks(clock);
  await sleep(60);
  offset += 2000;
  await sleep(60);
  recorder.unsubscribe();
  assert.ok(clock.skippedTicks >= 90, `skipped ${clock.skippedTicks}`);
  assert.ok(recorder.largestBatch() <= 2);
});

test('the clock stops when its last listener leaves, so the process can exit', async () => {
  const clock = new FrameClock();
  const first = recordTicks(clock);
  await sleep(50);
  first.unsubscribe();
  const countAfterStop = first.ticks.length;
  await sleep(60);
  assert.equal(first.ticks.length, countAfterStop);
});
