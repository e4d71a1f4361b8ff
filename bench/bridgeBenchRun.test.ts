import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bridgeInstanceFor } from '../common/bridgeInstance.js';
import { runBridgeBench } from './bridgeBenchRun.js';

test('every frame sent through the real bridge comes back, and every barge-in gets a clear', async () => {
  const result = await runBridgeBench({ calls: 3, rampMs: 300, warmupMs: 700, measureMs: 2000, bargeInEveryMs: 500 });
  assert.deepEqual(result.problems, []);
  assert.equal(result.liveCalls, 3);
  assert.equal(result.droppedCalls, 0);
  // 3 calls x 2 s of 20 ms frames.
  assert.equal(result.framesSent, 300);
  assert.equal(result.framesLost, 0);
  assert.equal(result.framesReturned, 300);
  assert.ok(result.bargeIns >= 6, `only ${result.bargeIns} barge-ins`);
  assert.equal(result.bargeInsMissed, 0);
  assert.equal(result.unexpectedClears, 0);
  for (const figure of [result.p50AddedMs, result.p99AddedMs, result.bargeInP50Ms, result.cpuPctPerCall, result.bridgeRssMb]) {
    assert.ok(Number.isFinite(figure) && figure >= 0, `figure ${figure}`);
  }
});

test('with two bridge processes the calls are shared out and every frame still comes back', async () => {
  const instances = new Set([0, 1, 2, 3].map((i) => bridgeInstanceFor(`bench000${i}`, 2)));
  assert.equal(instances.size, 2, 'the four call ids land on both processes');
  const result = await runBridgeBench({ calls: 4, rampMs: 300, warmupMs: 700, measureMs: 1000, bargeInEveryMs: 500, instances: 2 });
  assert.deepEqual(result.problems, []);
  assert.equal(result.liveCalls, 4);
  assert.equal(result.framesSent, 200);
  assert.equal(result.framesReturned, 200);
  assert.ok(result.bridgeIdleRssMb > 0 && Number.isFinite(result.bridgeCpuPct));
});
