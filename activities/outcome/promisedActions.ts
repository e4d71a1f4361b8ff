import type { CallOutcome } from '../../common/outcome.js';
import type { Statement } from './companySpeech.js';
import { deadlineOf, statesDuration } from './deadlines.js';

export type PromisedAction = CallOutcome['promisedActions'][number];
export interface FoundPromise { statement: number; promise: PromisedAction }

const BOILERPLATE = /\b(call will be answered|calls? (?:is|are) important|may be (?:monitored|recorded)|will be with you shortly)\b/i;
/** Said of the call itself ("I'll wait", "I'll transfer you now"): done while still on the line, nothing to follow up. */
const DURING_THE_CALL = /\b(?:I|we)\s*(?:'ll|will)\s+(?:wait|hold|stay on the line|be right back|put you (?:on hold|through)|(?:transfer|connect) you\b(?!.*\b(?:tomorrow|later|next)\b))/i;
const NEGATED = /\b(?:won't|will not|'ll not|shouldn't|should not|wouldn't)\b/i;
const CONDITIONAL = /^(?:if|unless)\b/i;
/** Ways the company's side commits itself without naming a third party as the doer. */
const COMPANY_COMMITMENTS = [
  /\b(?:I|we)\s*(?:'ll|will|am going to|'m going to|are going to|'re going to|'m gonna|'re gonna|are gonna)\b/i,
  // "I can have a technician come out tomorrow": an arrangement, unlike "I can offer".
  /\b(?:I|we)\s+(?:can|could)\s+(?:have|get|send)\s+(?:a|an|the|our|someone|somebody)\b/i,
  // Present progressive with a time ahead is a plan ("I'm emailing a label today"); with "now" it is done on the call.
  /\b(?:I'm|I am|we're|we are)\s+\w+ing\b.*\b(?:today|tonight|tomorrow|later|this (?:afternoon|evening|week))\b/i,
  /\b(?:you|he|she)\s*(?:'ll|will|should)\s+(?:see|get|receive)\b/i,
  /\b(?:he|she|they)\s*(?:'ll|will)\s+(?:call|contact|email|text|update|reach out|get back)\b/i,
  /\b(?:they|we)\s+usually\s+\w+\s+(?:in|within)\b/i,
  /\bis on (?:its|the) way\b/i,
  // "I've scheduled the disconnect for June 30th": arranged on the call, happening after it.
  /\b(?:I've|I have|we've|we have)\s+(?:scheduled|booked|arranged)\b/i,
];
const CUSTOMER_DOES = /^(?:you|he|she)\b|\b(?:please|need to|needs to|have to|has to|must)\b/i;
const MODAL = /\s(?:will|should|is going to)\s+(?!need\b)/i;
const SUBJECT_BOUNDARY = /^(?:and|but|so|or|then)$/i;
const RELATIVE_PRONOUN = /^(?:that|which|who)$/i;
const PRONOUN = /^(?:I|we|you|he|she|they)$/i;
const DETERMINER = /^(?:a|an|the|our|your|my|its|their)$/i;
const ROLE =
  /\b(?:technician|tech|installer|adjuster|appraiser|assessor|investigator|team|representative|rep|agent|supervisor|manager|specialist|advisor|adviser|coordinator|partner|contractor|crew|department|office|property|courier|driver|engineer|inspector|pharmacist)$/i;
const PRONOUN_START = /^(?:It|This|That)\s+(?:will|should|'ll|is)\b/;

/** Commitments the company's side made about what happens after the call, each with who will act and by when. */
export function findPromisedActions(statements: Statement[], company: string | null, callDay: string): FoundPromise[] {
  const companyName = company ?? 'the company';
  const found: FoundPromise[] = [];
  statements.forEach((s, index) => {
    if (s.sentence.trim().endsWith('?') || CONDITIONAL.test(s.sentence)) return;
    for (const clause of s.clauses) {
      if (CONDITIONAL.test(clause) || BOILERPLATE.test(clause) || NEGATED.test(clause) || DURING_THE_CALL.test(clause)) continue;
      const doer = doerOf(clause);
      if (doer === null) continue;
      const previous = statements[index - 1];
      // "It will be emailed to him" means nothing on its own; the sentence before says what "it" is.
      const action = PRONOUN_START.test(clause) && previous?.line === s.line ? `${previous.sentence} ${clause}` : clause;
      if (found.some((f) => f.promise.action === action)) continue;
      found.push({
        statement: index,
        promise: { action, who: doer ? `${companyName} (${doer})` : companyName, by: deadlineOf(clause, s.sentence, callDay) },
      });
    }
  });
  return found;
}

/** '' when the company itself commits, a role ("adjuster") when it names one, null when the clause commits nobody. */
function doerOf(said: string): string | null {
  const clause = said.replace(/\b(\w+)'ll\b/g, '$1 will');
  if (COMPANY_COMMITMENTS.some((p) => p.test(clause))) return '';
  const modal = MODAL.exec(clause);
  if (!modal) return statesDuration(clause) && !CUSTOMER_DOES.test(clause) ? '' : null;
  const before = clause.slice(0, modal.index).split(/\s+/).filter(Boolean);
  const subject: string[] = [];
  for (let i = before.length - 1; i >= 0 && subject.length < 6; i--) {
    const word = before[i].replace(/[^A-Za-z'-]/g, '');
    if (RELATIVE_PRONOUN.test(word)) return null;
    if (SUBJECT_BOUNDARY.test(word) || /[,;:]$/.test(before[i])) break;
    subject.unshift(word);
  }
  if (subject.length === 1 && PRONOUN.test(subject[0])) return null;
  const phrase = subject.filter((w) => !DETERMINER.test(w)).join(' ').toLowerCase();
  return ROLE.test(phrase) ? phrase : '';
}
