import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FactSpec } from './businessScript.js';
import { makeFacts, renderLine, type FactContext } from './callFacts.js';

// A Friday afternoon in New York.
const FRIDAY: FactContext = { now: new Date('2025-03-07T20:00:00Z'), timeZone: 'America/New_York', language: 'en' };
const pattern = (text: string): FactSpec => ({ kind: 'pattern', pattern: text });

test('facts follow their pattern and are reproducible from the seed', () => {
  const specs = { caseNumber: pattern('ACM#####'), ticket: pattern('@@-##') };
  const first = makeFacts(specs, 'seed:CA1', FRIDAY);
  assert.match(first.caseNumber.value, /^ACM\d{5}$/);
  assert.match(first.ticket.value, /^[A-Z]{2}-\d{2}$/);
  assert.deepEqual(makeFacts(specs, 'seed:CA1', FRIDAY), first);
});

test('different calls get different case numbers', () => {
  const numbers = new Set(Array.from({ length: 20 }, (_, i) => makeFacts({ caseNumber: pattern('ACM#####') }, `seed:CA${i}`, FRIDAY).caseNumber.value));
  assert.ok(numbers.size >= 18);
});

test('dates skip the weekend when counted in business days and are said in the line language', () => {
  const facts = makeFacts({ monday: { kind: 'date', daysAhead: [1, 1], businessDays: true }, tomorrow: { kind: 'date', daysAhead: [1, 1], businessDays: false } }, 's', FRIDAY);
  assert.deepEqual(facts.monday, { value: '2025-03-10', spoken: 'Monday, March 10' });
  assert.deepEqual(facts.tomorrow, { value: '2025-03-08', spoken: 'Saturday, March 8' });
  const spanish = makeFacts({ day: { kind: 'date', daysAhead: [1, 1], businessDays: true } }, 's', { ...FRIDAY, language: 'es' });
  assert.equal(spanish.day.spoken, 'lunes, 10 de marzo');
});

test('amounts stay within their range and are said in words a listener understands', () => {
  for (let i = 0; i < 20; i++) {
    const { refund } = makeFacts({ refund: { kind: 'amount', range: [20, 80], currency: 'USD' } }, `s${i}`, FRIDAY);
    assert.ok(Number(refund.value) >= 20 && Number(refund.value) <= 80, refund.value);
    assert.match(refund.spoken, /^\d+ dollars( and \d+ cents)?$/);
  }
});

test('lines spell facts out character by character when asked', () => {
  const facts = { caseNumber: { value: 'ACM48213', spoken: 'ACM48213' } };
  assert.equal(renderLine('Your case number is {caseNumber:spelled}.', facts), 'Your case number is A C M 4 8 2 1 3.');
  assert.equal(renderLine('Case {caseNumber}', facts), 'Case ACM48213');
  assert.throws(() => renderLine('{missing}', facts), /unknown fact/);
});
