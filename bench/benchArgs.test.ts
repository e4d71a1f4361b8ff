import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBenchArgs } from './benchArgs.js';

test('defaults run 50, 200 and 500 calls for 20 measured seconds each', () => {
  const args = parseBenchArgs([]);
  assert.deepEqual(args.calls, [50, 200, 500]);
  assert.equal(args.measureSeconds, 20);
  assert.equal(args.jsonFile, undefined);
  assert.equal(args.skipHold, false);
  assert.equal(args.floor, false);
});

test('--calls selects the runs and --json names the output file', () => {
  const args = parseBenchArgs(['--calls', '50,200', '--json', 'out.json', '--seconds', '5', '--no-hold', '--floor']);
  assert.deepEqual(args.calls, [50, 200]);
  assert.equal(args.floor, true);
  assert.equal(args.jsonFile, 'out.json');
  assert.equal(args.measureSeconds, 5);
  assert.equal(args.skipHold, true);
});

test('bad input is refused with a message naming the option', () => {
  assert.throws(() => parseBenchArgs(['--calls', '50,abc']), /--calls/);
  assert.throws(() => parseBenchArgs(['--calls', '0']), /--calls/);
  assert.throws(() => parseBenchArgs(['--seconds', '-1']), /--seconds/);
  assert.throws(() => parseBenchArgs(['--nice=-30']), /--nice/);
  assert.equal(parseBenchArgs(['--nice=-10']).niceness, -10);
  assert.throws(() => parseBenchArgs(['--frobnicate']), /frobnicate/);
  assert.throws(() => parseBenchArgs(['--instances', '0']), /--instances takes a whole number/);
  assert.throws(() => parseBenchArgs(['--instances', '2', '--pin']), /cannot be combined with --pin/);
  assert.equal(parseBenchArgs(['--instances', '2']).instances, 2);
  assert.equal(parseBenchArgs([]).instances, 1);
});
