import { pathToFileURL } from 'node:url';
import type { CallOutcome } from '../../common/outcome.js';
import { SCORED_FIELDS, scoreFields, type ScoredField } from './fieldScores.js';
import { loadOutcomeFixtures, type OutcomeFixture } from './fixtureCorpus.js';
import { extractOutcomeByRules, type ExtractionInput } from './ruleBasedExtractor.js';

export interface AccuracyReport {
  fixtures: number;
  /** Share of fixtures (0..1) on which each field came out right. */
  perField: Record<ScoredField, number>;
  /** Mean over all fields. */
  overall: number;
  misses: Array<{ file: string; field: ScoredField }>;
}

/** Field-level accuracy of an extractor over the hand-written fixture corpus. */
export function measureAccuracy(
  fixtures: OutcomeFixture[] = loadOutcomeFixtures(),
  extract: (input: ExtractionInput) => CallOutcome = extractOutcomeByRules,
): AccuracyReport {
  const right = Object.fromEntries(SCORED_FIELDS.map((f) => [f, 0])) as Record<ScoredField, number>;
  const misses: AccuracyReport['misses'] = [];
  for (const fixture of fixtures) {
    const scores = scoreFields(extract(fixture.input), fixture.expected);
    for (const field of SCORED_FIELDS) {
      if (scores[field]) right[field]++;
      else misses.push({ file: fixture.file, field });
    }
  }
  const perField = Object.fromEntries(SCORED_FIELDS.map((f) => [f, right[f] / fixtures.length])) as Record<ScoredField, number>;
  const overall = SCORED_FIELDS.reduce((sum, f) => sum + perField[f], 0) / SCORED_FIELDS.length;
  return { fixtures: fixtures.length, perField, overall, misses };
}

function printReport(report: AccuracyReport, showMisses: boolean): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const width = Math.max(...SCORED_FIELDS.map((f) => f.length), 'overall'.length);
  console.log(`Rule-based extractor, ${report.fixtures} hand-written transcripts\n`);
  console.log(`${'field'.padEnd(width)} | accuracy | right`);
  console.log(`${'-'.repeat(width)}-|----------|------`);
  for (const field of SCORED_FIELDS) {
    const right = Math.round(report.perField[field] * report.fixtures);
    console.log(`${field.padEnd(width)} | ${pct(report.perField[field])}  | ${right}/${report.fixtures}`);
  }
  console.log(`${'-'.repeat(width)}-|----------|------`);
  console.log(`${'overall'.padEnd(width)} | ${pct(report.overall)}  |`);
  if (showMisses) for (const m of report.misses) console.log(`miss: ${m.file} ${m.field}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printReport(measureAccuracy(), process.argv.includes('--misses'));
}
