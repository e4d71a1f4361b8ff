// Being on hold: after `wait_on_hold` the agent stays silent through music, announcements and
// position messages, and speaks again only when a person (or a menu, or a voicemail box) is on the line.
import type { Fact } from './policyBrief.js';
import { CLOSED, isHoldAnnouncement, isVoicemailGreeting, personIsSpeaking } from './policyCues.js';
import { factsAskedFor } from './policyFacts.js';
import { menuOptions } from './policyMenu.js';
import { plainText } from './policySentences.js';
import type { ConversationEntry } from './policy.js';

/** On hold since our last action: it was `wait_on_hold`, and we have not spoken since. */
export function isHolding(conversation: readonly ConversationEntry[]): boolean {
  for (let i = conversation.length - 1; i >= 0; i--) {
    const entry = conversation[i];
    if (entry.kind === 'toolCall') return entry.name === 'wait_on_hold';
    if (entry.kind === 'said' && entry.text) return false;
  }
  return false;
}

function needsAnAnswer(text: string, facts: readonly Fact[]): boolean {
  const plain = plainText(text);
  if (personIsSpeaking(plain) || isVoicemailGreeting(plain) || CLOSED.test(plain)) return true;
  if (menuOptions(text).length > 0) return true;
  const asked = factsAskedFor(text, facts);
  return asked.known.length + asked.missing.length > 0;
}

/**
 * While holding: what was heard after the last hold message or stretch of music, when it needs an
 * answer; null while it is still only the queue talking (promotions between the music included).
 */
export function heardAfterHold(heard: readonly string[], facts: readonly Fact[]): string[] | null {
  let start = heard.length;
  while (start > 0 && heard[start - 1] !== '' && !isHoldAnnouncement(plainText(heard[start - 1]))) start--;
  const fresh = heard.slice(start);
  return fresh.length > 0 && needsAnAnswer(fresh.join(' '), facts) ? fresh : null;
}
