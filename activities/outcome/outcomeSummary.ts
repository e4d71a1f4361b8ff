import type { CallOutcome } from '../../common/outcome.js';
import type { Reach } from './resolution.js';

export interface SummaryFacts {
  company: string | null;
  issue: string;
  reach: Reach;
  outcome: Pick<CallOutcome, 'resolved' | 'caseNumber' | 'nextSteps' | 'followUp'>;
}

/** Folds quoted speech into one clause so the summary stays exactly two sentences. */
const asClause = (text: string): string =>
  text.trim().replace(/[.!?\s]+$/, '').replace(/(?<!\b(?:Dr|Mr|Mrs|Ms|St))[.!?]+\s+/g, '; ');

const shorten = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 3).trimEnd()}...` : text);

/** Two sentences for the user: what the call was about, then what came of it. */
export function summarize({ company, issue, reach, outcome }: SummaryFacts): string {
  const first = `Called ${company ?? 'the company'} about: ${shorten(asClause(issue), 120)}.`;
  const result =
    outcome.resolved === 'yes' ? 'It was resolved'
      : outcome.resolved === 'partial' ? 'It is partly resolved'
        : outcome.resolved === 'unknown' ? 'The result was unclear'
          : reach === 'voicemail' ? 'Only voicemail answered'
            : reach === 'machine' ? 'No person answered'
              : 'They could not resolve it';
  const details = [
    outcome.caseNumber ? `case number ${outcome.caseNumber}` : '',
    outcome.nextSteps[0] ? `next: ${shorten(asClause(outcome.nextSteps[0]), 160)}` : '',
    outcome.followUp.needed ? `follow up${outcome.followUp.when ? ` on ${outcome.followUp.when}` : ''}` : '',
  ].filter(Boolean);
  return `${first} ${result}${details.length ? ` (${details.join('; ')})` : ''}.`;
}
