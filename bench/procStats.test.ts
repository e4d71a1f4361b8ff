import assert from 'node:assert/strict';
import { test } from 'node:test';
import { machineBusyCpuMs, processCpuMs, processRssMb } from './procStats.js';

test('the CPU time read from /proc grows while the process computes', () => {
  const before = processCpuMs(process.pid);
  const until = performance.now() + 150;
  let spin = 0;
  while (performance.now() < until) spin++;
  const after = processCpuMs(process.pid);
  assert.ok(spin > 0);
  assert.ok(after - before >= 50, `expected at least 50 ms of CPU, got ${after - before}`);
});

test('the RSS read from /proc matches what node reports for itself', () => {
  const fromProc = processRssMb(process.pid);
  const fromNode = process.memoryUsage().rss / (1024 * 1024);
  assert.ok(Math.abs(fromProc - fromNode) < fromNode * 0.2, `${fromProc} MB vs ${fromNode} MB`);
});

test('a process that does not exist is an error, not a zero', () => {
  assert.throws(() => processCpuMs(2 ** 30));
});

test('machine-wide busy CPU time includes this process computing', () => {
  const before = machineBusyCpuMs();
  const until = performance.now() + 150;
  while (performance.now() < until);
  assert.ok(machineBusyCpuMs() - before >= 50);
});
