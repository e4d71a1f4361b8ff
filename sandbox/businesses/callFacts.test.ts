import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeFacts, renderLine } from './callFacts.js';

test('facts follow their pattern and are reproducible from the seed', () => {
  const first = makeFacts({ caseNumber: 'ACM#####', ticket: '@@-##' }, 'seed:CA1');
  assert.match(first.caseNumber, /^ACM\d{5}$/);
  assert.match(first.ticket, /^[A-Z]{2}-\d{2}$/);
  assert.deepEqual(makeFacts({ caseNumber: 'ACM#####', ticket: '@@-##' }, 'seed:CA1'), first);
});

test('different calls get different case numbers', () => {
  const numbers = new Set(Array.from({ length: 20 }, (_, i) => makeFacts({ caseNumber: 'ACM#####' }, `seed:CA${i}`).caseNumber));
  assert.ok(numbers.size >= 18);
});

test('lines spell facts out character by character when asked', () => {
  const facts = { caseNumber: 'ACM48213' };
  assert.equal(renderLine('Your case number is {caseNumber:spelled}.', facts), 'Your case number is A C M 4 8 2 1 3.');
  assert.equal(renderLine('Case {caseNumber}', facts), 'Case ACM48213');
  assert.throws(() => renderLine('{missing}', facts), /unknown fact/);
});
