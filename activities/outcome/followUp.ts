import type { CallOutcome } from '../../common/outcome.js';
import type { Statement } from './companySpeech.js';
import type { PromisedAction } from './promisedActions.js';
import type { Reach } from './resolution.js';
import { findStatedDates } from './statedDates.js';

const CALL_BACK_ASKED = /\b(?:call|try)\s+(?:us\s+)?(?:back|again)\b|\bcall us\b/i;
const MENU_PROMPT = /\b(?:press|oprima)\b/i;
const THEY_GET_IN_TOUCH = /\b(?:call|contact|update|text|email)\s+you\b|\breturn your call\b|\bget back to you\b|\breach out\b/i;

export interface FollowUpFacts {
  resolved: CallOutcome['resolved'];
  reach: Reach;
  statements: Statement[];
  promises: PromisedAction[];
  statedDates: string[];
  callDay: string;
}

/**
 * A follow-up call is needed unless the matter was settled on the call, or a person closed it and pointed elsewhere
 * (write a letter, email the claims team) without asking us to call back. It falls on the day they asked us to call
 * back or promised to get in touch, else when the last promise falls due, else the last coming day they named.
 */
export function decideFollowUp(facts: FollowUpFacts): CallOutcome['followUp'] {
  const callBack = facts.statements.filter((s) => CALL_BACK_ASKED.test(s.sentence) && !MENU_PROMPT.test(s.sentence));
  if (facts.resolved === 'yes' || (facts.resolved === 'no' && facts.reach === 'person' && callBack.length === 0)) {
    return { needed: false, when: null, reason: null };
  }
  const askedDay = callBack.flatMap((s) => findStatedDates(s.sentence, facts.callDay)).map((d) => d.date)[0];
  const contactDays = facts.promises.filter((p) => p.by && THEY_GET_IN_TOUCH.test(p.action)).map((p) => p.by!).sort();
  const dueDays = facts.promises.map((p) => p.by).filter((d): d is string => d !== null).sort();
  const comingDays = facts.statedDates.filter((d) => d >= facts.callDay).sort();
  const when = askedDay ?? contactDays[0] ?? dueDays.at(-1) ?? comingDays.at(-1) ?? null;
  return { needed: true, when, reason: reasonFor(facts, callBack.length > 0, contactDays.length > 0) };
}

function reasonFor(facts: FollowUpFacts, callBackAsked: boolean, contactPromised: boolean): string {
  if (facts.reach === 'voicemail') return 'only voicemail was reached';
  if (facts.reach === 'machine' && facts.resolved !== 'partial') return 'no person was reached';
  if (callBackAsked) return 'they asked us to call back';
  if (contactPromised) return 'check that they got in touch as promised';
  if (facts.promises.length) return 'check that what they promised was done';
  return facts.resolved === 'unknown' ? 'the call ended without a clear result' : 'the issue is not resolved yet';
}
