import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SampleSet } from './sampleSet.js';

test('percentiles are nearest-rank over every sample, in any insertion order', () => {
  const set = new SampleSet(2);
  for (const v of [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]) set.add(v);
  assert.equal(set.size, 10);
  assert.deepEqual(set.percentiles([50, 90, 99, 100]), [5, 9, 10, 10]);
  assert.equal(set.percentile(0), 1);
  assert.equal(set.max, 10);
});

test('an empty set reports NaN rather than a made-up figure', () => {
  const set = new SampleSet();
  assert.ok(Number.isNaN(set.percentile(50)));
  assert.ok(Number.isNaN(set.max));
});

test('fractional latencies sort numerically, not as text', () => {
  const set = new SampleSet();
  for (const v of [0.25, 12.5, 3, 100]) set.add(v);
  assert.equal(set.percentile(50), 3);
  assert.equal(set.percentile(100), 100);
});
