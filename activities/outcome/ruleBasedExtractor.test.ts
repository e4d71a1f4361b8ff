import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outcomeSchema } from '../../common/outcome.js';
import type { TranscriptLine } from '../../db/calls.js';
import { sentencesOf } from './companySpeech.js';
import { loadOutcomeFixtures } from './fixtureCorpus.js';
import { extractOutcomeByRules } from './ruleBasedExtractor.js';

const lines = (...pairs: Array<['agent' | 'callee', string]>): TranscriptLine[] =>
  pairs.map(([speaker, text], i) => ({ seq: i + 1, speaker, text, at: new Date(Date.parse('2026-10-14T15:00:00Z') + i * 1000).toISOString() }));

describe('rule-based outcome extraction', () => {
  it('finds the case number, amount, promise and follow-up in what the representative said', () => {
    const outcome = extractOutcomeByRules({
      company: 'Acme Telecom',
      issue: 'Charged twice in October.',
      confirmed: {},
      transcript: lines(
        ['callee', 'Thank you for calling Acme Telecom. My name is Sam. How can I help you today?'],
        ['agent', 'I was charged twice in October.'],
        ['callee', 'I have opened a billing case for you. Your case number is A C M 4 8 2 1 3. A refund of $42.50 will appear within five to seven business days.'],
        ['callee', 'Is there anything else I can help you with?'],
      ),
    });
    assert.equal(outcome.caseNumber, 'ACM48213');
    assert.equal(outcome.resolved, 'partial');
    assert.deepEqual(outcome.nextSteps, ['A refund of $42.50 will appear within five to seven business days.']);
    assert.deepEqual(outcome.amounts.map((a) => a.value), [42.5]);
    assert.deepEqual(outcome.promisedActions, [
      { action: 'A refund of $42.50 will appear within five to seven business days.', who: 'Acme Telecom', by: '2026-10-23' },
    ]);
    assert.deepEqual(outcome.followUp, { needed: true, when: '2026-10-23', reason: 'check that what they promised was done' });
    assert.match(outcome.summary, /Acme Telecom/);
  });

  it('lets values confirmed on the call win, keeping a different extracted code as a reference', () => {
    const outcome = extractOutcomeByRules({
      company: null, issue: 'Router broken.', confirmed: { caseNumber: 'ZX981', resolved: 'yes', nextSteps: 'Restart the router tonight.' },
      transcript: lines(['callee', 'This is Jo. Your ticket number is 5 5 1 2.']),
    });
    assert.equal(outcome.caseNumber, 'ZX981');
    assert.deepEqual(outcome.referenceNumbers, ['5512']);
    assert.equal(outcome.resolved, 'yes');
    assert.deepEqual(outcome.nextSteps, ['Restart the router tonight.']);
    assert.equal(outcome.followUp.needed, false);
    assert.deepEqual(outcome.confirmedFields.sort(), ['caseNumber', 'nextSteps', 'resolved']);
  });

  it('resolves "tomorrow" against the day of the first transcript line when no call date is given', () => {
    const outcome = extractOutcomeByRules({
      company: 'Brightline', issue: 'No signal.', confirmed: {},
      transcript: lines(['callee', 'Brightline repair, this is Keisha.'], ['callee', 'I can have a technician come out tomorrow between 1 and 5 PM.']),
    });
    assert.deepEqual(outcome.dates.map((d) => d.date), ['2026-10-15']);
    assert.equal(outcome.followUp.when, '2026-10-15');
  });

  it('says when nothing was achieved and nobody was reached', () => {
    const outcome = extractOutcomeByRules({ company: 'X', issue: 'Refund.', confirmed: {}, transcript: lines(['callee', "Sorry, we're closed. Please call back tomorrow."]) });
    assert.equal(outcome.resolved, 'no');
    assert.equal(outcome.caseNumber, null);
    assert.deepEqual(outcome.followUp, { needed: true, when: '2026-10-15', reason: 'no person was reached' });
  });

  it('gives every corpus call a valid outcome with a two-sentence summary', () => {
    for (const fixture of loadOutcomeFixtures()) {
      const outcome = outcomeSchema.parse(extractOutcomeByRules(fixture.input));
      assert.equal(sentencesOf(outcome.summary).length, 2, `${fixture.file}: ${outcome.summary}`);
    }
  });
});
