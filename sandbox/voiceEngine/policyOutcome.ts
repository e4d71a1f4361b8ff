// What the representative committed to, taken from their own words, for the `record_outcome` tool.
import { findCaseNumber } from './policyCaseNumber.js';
import { hasDateOrAmount } from './policyCommitments.js';
import { foldAccents, splitSentences } from './policySentences.js';

const NEXT_STEP_CUE = new RegExp(
  `\\b(?:${[
    "you(?:'ll| will| should)|we(?:'ll| will)|it(?:'ll| will)|within|business days|next steps?|expect|follow up|call you back|in the next",
    "(?:will|'ll|is going to|are going to) (?!not\\b|be with you\\b)[a-z]+",
    '(?:le|lo|la|se) (?:llamaremos|enviaremos|contactaremos|reflejara|aplicara|procesara|devolveremos)|recibira|vera|dentro de|dias habiles|proximos pasos',
  ].join('|')})\\b`,
  'i',
);
const COMMITMENT_CUE =
  /\b(?:will|'ll|going to|scheduled|booked|arranged|set up|issued|applied|credited|refunded|approved|submitted|put|added|promise|expect|guarantee|on your next|credit|refund|reembolso|credito|bonificacion|vamos a|va a|van a|(?:le|lo|la|se) \w+(?:ara|era|ira|aremos|eremos|iremos)\b|recibira|programad[oa]|aplicamos|acreditamos|reembolsamos|emitimos|(?:hemos|he|se ha) (?:aplicado|acreditado|reembolsado|emitido))/i;

const RESOLVED_CUE =
  /\b(?:has been|have been|was|i've|i have|we've|we have|i|we) (?:already )?(?:refunded|credited|issued|applied|approved|processed|resolved|fixed|reversed|removed)\b|\b(?:ya )?(?:hemos|he|se ha|se han) (?:reembolsado|acreditado|aplicado|emitido|procesado|resuelto|corregido|reparado|eliminado)\b|\b(?:le |se )?(?:aplicamos|acreditamos|reembolsamos)\b/i;

/** A sentence that says what happens next, or commits to a date or an amount. */
export function isNextStep(sentence: string): boolean {
  const plain = foldAccents(sentence);
  return NEXT_STEP_CUE.test(plain) || (hasDateOrAmount(sentence) && COMMITMENT_CUE.test(plain));
}

/** Next-step sentences of the newest turn that has any, without a sentence that only carries the code. */
export function nextStepsFrom(heardTurns: readonly string[]): string[] | null {
  for (const turn of [...heardTurns].reverse()) {
    const steps = splitSentences(turn).filter(
      (sentence) => isNextStep(sentence) && (findCaseNumber(sentence) === null || hasDateOrAmount(sentence)),
    );
    if (steps.length > 0) return steps;
  }
  return null;
}

export function resolutionFrom(heardTurns: readonly string[]): 'yes' | 'partial' {
  return heardTurns.some((turn) => RESOLVED_CUE.test(foldAccents(turn))) ? 'yes' : 'partial';
}
