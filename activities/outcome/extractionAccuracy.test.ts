import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CallOutcome } from '../../common/outcome.js';
import { measureAccuracy } from './extractionAccuracy.js';
import { SCORED_FIELDS, scoreFields } from './fieldScores.js';
import { loadOutcomeFixtures } from './fixtureCorpus.js';

// Measured on the 51-transcript corpus: every field 96-100%, overall 98.9%. The floors leave room for one or two
// more misses per field, so a regression shows up without every label tweak failing the build.
const FIELD_FLOOR = 0.92;
const OVERALL_FLOOR = 0.96;

describe('rule-based extraction accuracy over the hand-written corpus', () => {
  const fixtures = loadOutcomeFixtures();

  it('has at least 30 varied transcripts', () => {
    assert.ok(fixtures.length >= 30, `only ${fixtures.length} fixtures`);
    const transcripts = fixtures.map((f) => f.input.transcript.map((l) => l.text).join(' '));
    for (const kind of [/press \d/i, /leave a message|after the (tone|beep)/i, /oprima|español/i, /\b(Quebec|Victor|Sierra)\b/, /\bdouble\b/i]) {
      assert.ok(transcripts.some((t) => kind.test(t)), `no transcript matches ${kind}`);
    }
    for (const resolved of ['yes', 'no', 'partial', 'unknown']) {
      assert.ok(fixtures.some((f) => f.expected.resolved === resolved), `no transcript is labelled ${resolved}`);
    }
  });

  it(`stays above ${FIELD_FLOOR * 100}% on every field and ${OVERALL_FLOOR * 100}% overall`, () => {
    const report = measureAccuracy(fixtures);
    for (const field of SCORED_FIELDS) {
      assert.ok(report.perField[field] >= FIELD_FLOOR, `${field}: ${(report.perField[field] * 100).toFixed(1)}%`);
    }
    assert.ok(report.overall >= OVERALL_FLOOR, `overall ${(report.overall * 100).toFixed(1)}%`);
  });

  it('scores a field wrong for missing, extra or duplicated values', () => {
    const { expected } = fixtures.find((f) => f.file.startsWith('07-'))!;
    const perfect: CallOutcome = {
      resolved: expected.resolved,
      caseNumber: expected.caseNumber,
      referenceNumbers: expected.referenceNumbers,
      amounts: expected.amounts.map((value) => ({ value, currency: 'USD', context: '' })),
      dates: expected.dates.map((date) => ({ date, context: '' })),
      promisedActions: expected.promisedActions.map((p) => ({ action: p.keyword, who: p.who, by: p.by })),
      nextSteps: [expected.nextStepKeywords.join(' ')],
      followUp: { ...expected.followUp, reason: null },
      summary: '',
      confirmedFields: [],
    };
    assert.ok(Object.values(scoreFields(perfect, expected)).every(Boolean));
    const sloppy = scoreFields({ ...perfect, dates: [...perfect.dates, perfect.dates[0]], promisedActions: perfect.promisedActions.slice(1), nextSteps: [] }, expected);
    assert.deepEqual([sloppy.dates, sloppy.promisedActions, sloppy.nextSteps], [false, false, false]);
  });
});
