// What the representative committed to, taken from their own words, for the `record_outcome` tool.
import { findCaseNumber } from './policyCaseNumber.js';
import { splitSentences } from './policySentences.js';

const NEXT_STEP_CUE =
  /\b(?:you(?:'ll| will| should)|we(?:'ll| will)|it(?:'ll| will)|within|business days|next steps?|expect|follow up|call you back|in the next)\b/i;

const RESOLVED_CUE =
  /\b(?:has been|have been|was|i've|i have|we've|we have|i|we) (?:already )?(?:refunded|credited|issued|processed|resolved|fixed|reversed|removed)\b/i;

/** Sentences that say what happens next, newest turn first, without the sentence carrying the code. */
export function nextStepsFrom(heardTurns: readonly string[]): string | null {
  for (const turn of [...heardTurns].reverse()) {
    const steps = splitSentences(turn).filter(
      (sentence) => NEXT_STEP_CUE.test(sentence) && findCaseNumber(sentence) === null,
    );
    if (steps.length > 0) return steps.join(' ');
  }
  return null;
}

export function resolutionFrom(heardTurns: readonly string[]): 'yes' | 'partial' {
  return heardTurns.some((turn) => RESOLVED_CUE.test(turn)) ? 'yes' : 'partial';
}
