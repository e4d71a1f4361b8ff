import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFigures } from './holdBenchHook.js';

test('a hold benchmark result prints as lines for scalars and a table for a list of scenarios', () => {
  const printed = describeFigures({
    perFrameMicros: 3.25,
    scenarios: [
      { name: 'music-only', forwardedPct: 0.5, missedPickups: 0 },
      { name: 'silence-hold', forwardedPct: 1.25, missedPickups: 1 },
    ],
  });
  const lines = printed.split('\n');
  assert.equal(lines[0], 'perFrameMicros: 3.250');
  assert.equal(lines[1], 'scenarios:');
  assert.match(lines[2], /name\s+forwardedPct\s+missedPickups/);
  assert.match(lines[4], /music-only\s+0\.500\s+0$/);
  assert.match(lines[5], /silence-hold\s+1\.250\s+1$/);
});
