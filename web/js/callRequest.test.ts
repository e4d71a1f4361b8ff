import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCallRequest } from './callRequest.js';

const filled = { to: '+12125550100', issue: 'I was charged twice for my March bill.' };

test('a number typed with spaces and brackets is sent as bare E.164', () => {
  const { body, errors } = buildCallRequest({ ...filled, to: ' +1 (212) 555-0100 ' });
  assert.deepEqual(errors, []);
  assert.equal(body.to, '+12125550100');
});

test('a number without the country code is refused with a hint on the format', () => {
  const { errors } = buildCallRequest({ ...filled, to: '212 555 0100' });
  assert.equal(errors.length, 1);
  assert.equal(errors[0].path, 'to');
  assert.match(errors[0].message, /international format/);
});

test('an empty form names both required fields', () => {
  const { errors } = buildCallRequest({ to: '', issue: '   ' });
  assert.deepEqual(errors.map((e) => e.path), ['to', 'issue']);
});

test('optional fields are trimmed and left out when blank', () => {
  const { body } = buildCallRequest({ ...filled, company: '  Acme Bank ', userName: '', goal: '  ' });
  assert.deepEqual(body, { to: '+12125550100', issue: filled.issue, company: 'Acme Bank' });
});

test('fact rows become an object; blank rows are ignored', () => {
  const { body, errors } = buildCallRequest({
    ...filled,
    facts: [
      { key: 'Account number', value: ' 4417-22 ' },
      { key: '', value: '' },
      { key: 'Charge date', value: 'March 3' },
    ],
  });
  assert.deepEqual(errors, []);
  assert.deepEqual(body.facts, { 'Account number': '4417-22', 'Charge date': 'March 3' });
});

test('half-filled and repeated fact rows point at the row to fix', () => {
  const { errors } = buildCallRequest({
    ...filled,
    facts: [
      { key: 'Order', value: '' },
      { key: '', value: 'A-17' },
      { key: 'Plan', value: 'Basic' },
      { key: 'Plan', value: 'Premium' },
    ],
  });
  assert.deepEqual(errors.map((e) => e.path), ['facts.0.value', 'facts.1.key', 'facts.3.key']);
  assert.match(errors[2].message, /twice/);
});
