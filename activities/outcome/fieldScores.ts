import type { CallOutcome } from '../../common/outcome.js';
import type { ExpectedOutcome } from './fixtureCorpus.js';

export const SCORED_FIELDS = [
  'resolved', 'caseNumber', 'referenceNumbers', 'amounts', 'dates', 'promisedActions', 'nextSteps', 'followUp.needed', 'followUp.when',
] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

const sorted = <T>(xs: T[]): T[] => [...xs].sort();
const sameList = <T>(a: T[], b: T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const cents = (n: number): number => Math.round(n * 100);
const contains = (haystack: string, needle: string): boolean => haystack.toLowerCase().includes(needle.toLowerCase());

/** Whether each scored field of an extracted outcome matches what a careful reader expects. Duplicates count as wrong. */
export function scoreFields(outcome: CallOutcome, expected: ExpectedOutcome): Record<ScoredField, boolean> {
  return {
    resolved: outcome.resolved === expected.resolved,
    caseNumber: outcome.caseNumber === expected.caseNumber,
    referenceNumbers: sameList(sorted(outcome.referenceNumbers), sorted(expected.referenceNumbers)),
    amounts: sameList(sorted(outcome.amounts.map((a) => cents(a.value))), sorted(expected.amounts.map(cents))),
    dates: sameList(sorted(outcome.dates.map((d) => d.date)), sorted(expected.dates)),
    promisedActions: promisesMatch(outcome.promisedActions, expected.promisedActions),
    nextSteps: expected.nextStepKeywords.length === 0
      ? outcome.nextSteps.length === 0
      : expected.nextStepKeywords.every((k) => contains(outcome.nextSteps.join(' | '), k)),
    'followUp.needed': outcome.followUp.needed === expected.followUp.needed,
    'followUp.when': outcome.followUp.when === expected.followUp.when,
  };
}

/** Same number of promises, and each expected one matched by a different extracted one. */
function promisesMatch(actual: CallOutcome['promisedActions'], expected: ExpectedOutcome['promisedActions']): boolean {
  if (actual.length !== expected.length) return false;
  const unused = [...actual];
  return expected.every((e) => {
    const i = unused.findIndex((a) => contains(a.action, e.keyword) && contains(a.who, e.who) && a.by === e.by);
    if (i < 0) return false;
    unused.splice(i, 1);
    return true;
  });
}
