import assert from 'node:assert/strict';
import { test } from 'node:test';
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
