import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TranscriptLine } from '../../db/calls.js';
import { extractOutcomeByRules } from './ruleBasedExtractor.js';
import { readSpokenCode } from './spokenCodes.js';

const lines = (...pairs: Array<['agent' | 'callee', string]>): TranscriptLine[] =>
  pairs.map(([speaker, text], i) => ({ seq: i + 1, speaker, text, at: new Date(1_700_000_000_000 + i * 1000).toISOString() }));

describe('spoken codes', () => {
  it('reads codes the way representatives spell them', () => {
    assert.equal(readSpokenCode('A C M 4 8 2 1 3. A refund will follow.'), 'ACM48213');
    assert.equal(readSpokenCode('ACM-48213, and'), 'ACM48213');
    assert.equal(readSpokenCode('four eight two one, got it?'), '4821');
    assert.equal(readSpokenCode('going to be sent by email'), null);
  });
});

describe('rule-based outcome extraction', () => {
  it('finds the case number and next steps in what the representative said', () => {
    const outcome = extractOutcomeByRules({
      company: 'Acme Telecom',
      issue: 'Charged twice in October.',
      confirmed: {},
      transcript: lines(
        ['agent', 'I was charged twice in October.'],
        ['callee', 'I have opened a billing case for you. Your case number is A C M 4 8 2 1 3. A refund of $42.50 will appear within five to seven business days.'],
        ['callee', 'Is there anything else I can help you with?'],
      ),
    });
    assert.equal(outcome.caseNumber, 'ACM48213');
    assert.equal(outcome.resolved, 'partial');
    assert.deepEqual(outcome.nextSteps, ['A refund of $42.50 will appear within five to seven business days.']);
    assert.deepEqual(outcome.amounts.map((a) => a.value), [42.5]);
    assert.match(outcome.summary, /Acme Telecom/);
  });

  it('lets values confirmed on the call win', () => {
    const outcome = extractOutcomeByRules({
      company: null, issue: 'Router broken.', confirmed: { caseNumber: 'ZX981', resolved: 'yes' },
      transcript: lines(['callee', 'Your ticket number is 5 5 1 2.']),
    });
    assert.equal(outcome.caseNumber, 'ZX981');
    assert.deepEqual(outcome.referenceNumbers, ['5512']);
    assert.equal(outcome.resolved, 'yes');
    assert.deepEqual(outcome.confirmedFields.sort(), ['caseNumber', 'resolved']);
  });

  it('says when nothing was achieved', () => {
    const outcome = extractOutcomeByRules({ company: 'X', issue: 'Refund.', confirmed: {}, transcript: lines(['callee', "Sorry, I'm unable to do that."]) });
    assert.equal(outcome.resolved, 'no');
    assert.equal(outcome.caseNumber, null);
    assert.equal(outcome.followUp.needed, true);
  });
});
