import type { CallOutcome, ConfirmedOutcome } from '../../common/outcome.js';
import type { TranscriptLine } from '../../db/calls.js';
import { companyStatements } from './companySpeech.js';
import { confirmedNextSteps, preferConfirmed } from './confirmedValues.js';
import { decideFollowUp } from './followUp.js';
import { findAmounts, type MoneyAmount } from './moneyAmounts.js';
import { findNextSteps } from './nextSteps.js';
import { summarize } from './outcomeSummary.js';
import { findPromisedActions } from './promisedActions.js';
import { findReferenceCodes } from './referenceCodes.js';
import { howFarTheCallGot, judgeResolution } from './resolution.js';
import { findStatedDates, type StatedDate } from './statedDates.js';

export interface ExtractionInput {
  company: string | null;
  issue: string;
  transcript: TranscriptLine[];
  confirmed: ConfirmedOutcome;
  /** The day the call took place (ISO date); relative days are resolved against it. Defaults to the first line's day. */
  callDate?: string;
}

/** The offline extractor: plain rules over what the company's side said. */
export function extractOutcomeByRules(input: ExtractionInput): CallOutcome {
  const callDay = callDayOf(input);
  const statements = companyStatements(input.transcript);
  const codes = findReferenceCodes(input.transcript.filter((l) => l.speaker === 'callee').map((l) => l.text));
  const amounts = distinct(statements.flatMap((s) => findAmounts(s.sentence)), (a: MoneyAmount) => `${a.currency}${a.value}`);
  const dates = distinct(statements.flatMap((s) => findStatedDates(s.sentence, callDay)), (d: StatedDate) => d.date);
  const found = findPromisedActions(statements, input.company, callDay);
  const promisedActions = found.map((f) => f.promise);
  const reach = howFarTheCallGot(input.transcript);

  const resolved = input.confirmed.resolved ?? judgeResolution(statements, reach, promisedActions.length > 0);
  const caseNumber = input.confirmed.caseNumber ?? codes.caseNumber;
  const nextSteps = confirmedNextSteps(input.confirmed) ?? findNextSteps(statements, found, callDay);
  const followUp = decideFollowUp({ resolved, reach, statements, promises: promisedActions, statedDates: dates.map((d) => d.date), callDay });
  const summary = summarize({ company: input.company, issue: input.issue, reach, outcome: { resolved, caseNumber, nextSteps, followUp } });

  return preferConfirmed(
    { resolved, caseNumber: codes.caseNumber, referenceNumbers: codes.others, amounts, dates, promisedActions, nextSteps, followUp, summary },
    input.confirmed,
  );
}

/** The call's day: the stated one, else the UTC day of the first transcript line. */
export function callDayOf(input: ExtractionInput): string {
  const stated = input.callDate?.slice(0, 10);
  if (stated && /^\d{4}-\d{2}-\d{2}$/.test(stated)) return stated;
  return (input.transcript[0]?.at ?? new Date().toISOString()).slice(0, 10);
}

function distinct<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}
