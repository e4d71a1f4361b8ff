import type { Statement } from './companySpeech.js';
import { findAmounts } from './moneyAmounts.js';
import type { FoundPromise } from './promisedActions.js';
import { findStatedDates } from './statedDates.js';

const CUSTOMER_TODO = new RegExp(
  [
    String.raw`\bplease\b`,
    String.raw`\b(?:you|he|she)\s*(?:'ll|will)\s+(?:need to|keep|have|be able)\b`,
    String.raw`\b(?:you|he|she)\s+(?:should|must|need to|needs to|has to|have to|can)\b`,
    String.raw`\b(?:you|he|she)\s+(?:don't|doesn't) have to\b`,
    String.raw`\b(?:call|try)\s+(?:us\s+)?(?:back|again)\b`,
    String.raw`\bcall us\b`,
    // "If he sends us the police report, we can waive the deductible": tells the user what to do.
    String.raw`^if (?:you|he|she)\b`,
    String.raw`\bthe only option\b`,
  ].join('|'),
  'i',
);
const MENU_PROMPT = /\b(?:press|oprima|para español|leave (?:your name|a (?:brief )?message)|please hold|say or enter|stay on the line)\b/i;

/**
 * What the user should do or expect, in the order it was said: the company's promises, what the user was told to
 * do, and money falling due ahead ("four payments of $51.50 starting December 15th").
 */
export function findNextSteps(statements: Statement[], promises: FoundPromise[], callDay: string): string[] {
  const steps: string[] = [];
  statements.forEach((s, index) => {
    if (s.sentence.trim().endsWith('?')) return;
    const promised = promises.filter((p) => p.statement === index).map((p) => p.promise.action);
    steps.push(...promised);
    if (MENU_PROMPT.test(s.sentence)) return;
    const rest = promised.length ? s.clauses.filter((c) => !promised.some((p) => p.endsWith(c))) : [s.sentence];
    const todo = rest.filter((c) => CUSTOMER_TODO.test(c));
    if (todo.length) steps.push(...todo);
    else if (!promised.length && moneyFallsDue(s.sentence, callDay)) steps.push(s.sentence);
  });
  return [...new Set(steps)];
}

const FROM_NOW_ON = /\b(?:starting|going forward|from now on|next (?:bill|statement|month))\b/i;
const moneyFallsDue = (sentence: string, callDay: string): boolean =>
  findAmounts(sentence).length > 0 && (FROM_NOW_ON.test(sentence) || findStatedDates(sentence, callDay).some((d) => d.date >= callDay));
