import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCallBrief } from './policyBrief.js';

const INSTRUCTIONS = `You are a polite, concise assistant phoning a company's customer-service line on behalf of a customer. Be brief.
## Calling on behalf of
Jane Doe
## Company
Acme Telecom
## Issue
I was charged twice for my October bill and want a refund of the duplicate charge.
## Goal
Get the duplicate charge refunded, or at least a case number and the next steps.
## Facts you may disclose
- Full name: Jane Doe
- Account number: 4417 2290
## Never agree to without the customer
- New charges or plan changes
## Tools
Call record_outcome when you hear a case number.`;

test('reads every section of the brief the bridge writes', () => {
  assert.deepEqual(parseCallBrief(INSTRUCTIONS), {
    onBehalfOf: 'Jane Doe',
    company: 'Acme Telecom',
    issue: 'I was charged twice for my October bill and want a refund of the duplicate charge.',
    goal: 'Get the duplicate charge refunded, or at least a case number and the next steps.',
    facts: [
      { label: 'Full name', value: 'Jane Doe' },
      { label: 'Account number', value: '4417 2290' },
    ],
    neverAgreeTo: ['New charges or plan changes'],
  });
});

test('keeps a fact whose value contains a colon', () => {
  const brief = parseCallBrief('## Issue\nBroken router\n## Facts you may disclose\n- Preferred callback: 9:30 am\n');
  assert.deepEqual(brief?.facts, [{ label: 'Preferred callback', value: '9:30 am' }]);
});

test('instructions without the brief sections give no brief', () => {
  assert.equal(parseCallBrief('You are a helpful assistant.'), null);
});
