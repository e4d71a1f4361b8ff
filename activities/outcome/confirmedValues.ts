import type { CallOutcome, ConfirmedOutcome } from '../../common/outcome.js';

const compact = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();

/** Names of the fields the agent read back and confirmed on the call (`record_outcome`). */
export function confirmedFieldNames(confirmed: ConfirmedOutcome): string[] {
  return Object.entries(confirmed).filter(([, v]) => v !== undefined).map(([k]) => k);
}

export function confirmedNextSteps(confirmed: ConfirmedOutcome): string[] | undefined {
  if (confirmed.nextSteps === undefined) return undefined;
  const steps = [confirmed.nextSteps].flat().filter((s) => s.trim());
  return steps.length ? steps : undefined;
}

/** Values confirmed on the call win over extracted ones; an extracted case number they replace stays as a reference. */
export function preferConfirmed(extracted: Omit<CallOutcome, 'confirmedFields'>, confirmed: ConfirmedOutcome): CallOutcome {
  const caseNumber = confirmed.caseNumber ?? extracted.caseNumber;
  const references = [extracted.caseNumber, ...extracted.referenceNumbers].filter(
    (c): c is string => c !== null && (caseNumber === null || compact(c) !== compact(caseNumber)),
  );
  return {
    ...extracted,
    resolved: confirmed.resolved ?? extracted.resolved,
    caseNumber,
    referenceNumbers: [...new Set(references)],
    nextSteps: confirmedNextSteps(confirmed) ?? extracted.nextSteps,
    confirmedFields: confirmedFieldNames(confirmed),
  };
}
