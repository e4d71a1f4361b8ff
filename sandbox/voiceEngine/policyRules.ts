// The engine's conversational rules. Each rule looks at the turn just heard and may add a piece to the
// reply. Primary rules combine (a code read back and a goodbye can share one reply); fallback rules
// answer only when no primary rule did, and the first fallback that matches wins.
import type { CallBrief } from './policyBrief.js';
import { findCaseNumber, spellOut } from './policyCaseNumber.js';
import { answerFact, factsAskedFor } from './policyFacts.js';
import { nextStepsFrom, resolutionFrom } from './policyOutcome.js';
import { asksForInformation, splitSentences, words } from './policySentences.js';
import type { ConversationEntry, ToolCall } from './policy.js';

export interface Turn {
  /** What was heard since we last spoke; '' when the speech was not recognized. */
  heard: string;
  /** Every recognized thing heard in the call so far, oldest first, including `heard`. */
  heardSoFar: string[];
  brief: CallBrief | null;
  conversation: readonly ConversationEntry[];
}

export interface ReplyPart {
  say?: string;
  toolCalls?: ToolCall[];
}

export interface Rule {
  name: string;
  apply(turn: Turn, earlierParts: readonly ReplyPart[]): ReplyPart | null;
}

export const REPEAT_REQUEST = 'Sorry, could you repeat that?';
const MAX_REPEAT_REQUESTS = 2;

const HELP_OFFER =
  /\b(?:how (?:can|may|could) (?:i|we) (?:help|assist)|what can (?:i|we) (?:do|help)|how can i direct|what (?:are you|is your) call(?:ing)? (?:about|regarding)|reason for (?:your|the|today's) call|what seems to be the (?:problem|issue)|go ahead)\b/i;
const WHO_IS_CALLING =
  /\b(?:who (?:am i|are we) (?:speaking|talking) (?:with|to)|who(?:'s| is) (?:calling|this)|may i ask who|are you (?:the )?(?:account ?holder|customer|owner))\b/i;
const ANYTHING_ELSE = /\b(?:anything|something|what) else\b/i;
const FAREWELL = /\b(?:have a (?:great|good|nice|wonderful|lovely) (?:day|evening|afternoon|one)|good ?bye|bye)\b/i;
const WAIT_REQUEST =
  /\b(?:(?:one|a) (?:moment|second|sec|minute)|hold on|please hold|hold the line|bear with me|let me (?:check|look|see|pull))\b/i;
const OFFER = /\b(?:would you like|do you want|can i offer|i can (?:offer|add|upgrade|switch|change|move)|shall i|should i|we can)\b/i;

export function introduction(brief: CallBrief | null): string {
  const who = brief?.onBehalfOf ? `Hi, I'm calling on behalf of ${brief.onBehalfOf}.` : "Hi, I'm calling on behalf of a customer.";
  return brief?.issue ? `${who} ${brief.issue}` : who;
}

function hasCalled(conversation: readonly ConversationEntry[], tool: string): boolean {
  return conversation.some((entry) => entry.kind === 'toolCall' && entry.name === tool);
}

const stem = (word: string) => word.replace(/e?s$/, '');

const caseNumberReadBack: Rule = {
  name: 'caseNumberReadBack',
  apply(turn) {
    const code = findCaseNumber(turn.heard);
    if (!code) return null;
    const nextSteps = nextStepsFrom(turn.heardSoFar.slice(-2));
    const outcome = { caseNumber: code, ...(nextSteps ? { nextSteps } : {}), resolved: resolutionFrom(turn.heardSoFar) };
    return {
      say: `Let me read that back: ${spellOut(code)}.`,
      toolCalls: [{ name: 'record_outcome', arguments: outcome }],
    };
  },
};

const introduceOnHelpOffer: Rule = {
  name: 'introduceOnHelpOffer',
  apply: (turn) => (HELP_OFFER.test(turn.heard) ? { say: introduction(turn.brief) } : null),
};

const identifyOurselves: Rule = {
  name: 'identifyOurselves',
  apply(turn) {
    if (!WHO_IS_CALLING.test(turn.heard)) return null;
    return { say: `I'm an assistant calling on behalf of ${turn.brief?.onBehalfOf || 'a customer'}.` };
  },
};

const answerFacts: Rule = {
  name: 'answerFacts',
  apply(turn) {
    const asked = factsAskedFor(turn.heard, turn.brief?.facts ?? []);
    return asked.length > 0 ? { say: asked.map(answerFact).join(' ') } : null;
  },
};

const declineWithoutCustomer: Rule = {
  name: 'declineWithoutCustomer',
  apply(turn) {
    const guarded = new Set((turn.brief?.neverAgreeTo ?? []).flatMap(words).filter((w) => w.length >= 4).map(stem));
    const offers = splitSentences(turn.heard).filter((sentence) => OFFER.test(sentence));
    if (!offers.some((offer) => words(offer).some((word) => guarded.has(stem(word))))) return null;
    const customer = turn.brief?.onBehalfOf || 'the customer';
    return { say: `I'm not able to agree to that without checking with ${customer} first.` };
  },
};

// Asks once for a reference before hanging up when none was recorded yet; a real agent would too.
const closeTheCall: Rule = {
  name: 'closeTheCall',
  apply(turn, earlierParts) {
    const anythingElse = ANYTHING_ELSE.test(turn.heard);
    if (!anythingElse && !FAREWELL.test(turn.heard)) return null;
    const recorded =
      hasCalled(turn.conversation, 'record_outcome') ||
      earlierParts.some((part) => part.toolCalls?.some((call) => call.name === 'record_outcome'));
    const askedBefore = turn.conversation.some((entry) => entry.kind === 'said' && entry.text.includes('reference number'));
    if (!recorded && !askedBefore) {
      return { say: 'Before we finish, could I get a case or reference number for this?' };
    }
    return {
      say: anythingElse ? "No, that's everything. Thank you for your help, goodbye!" : 'Thank you, goodbye!',
      toolCalls: [{ name: 'end_call', arguments: { reason: 'done' } }],
    };
  },
};

export const primaryRules: readonly Rule[] = [
  caseNumberReadBack,
  introduceOnHelpOffer,
  identifyOurselves,
  answerFacts,
  declineWithoutCustomer,
  closeTheCall,
];

function repeatRequestsSinceUnderstood(conversation: readonly ConversationEntry[]): number {
  let count = 0;
  for (let i = conversation.length - 1; i >= 0; i--) {
    const entry = conversation[i];
    if (entry.kind === 'heard' && entry.text !== '') break;
    if (entry.kind === 'said' && entry.text === REPEAT_REQUEST) count++;
  }
  return count;
}

const askToRepeat: Rule = {
  name: 'askToRepeat',
  apply(turn) {
    if (turn.heard !== '') return null;
    // Past the limit the agent stays quiet rather than looping on noise it cannot understand.
    return repeatRequestsSinceUnderstood(turn.conversation) < MAX_REPEAT_REQUESTS ? { say: REPEAT_REQUEST } : {};
  },
};

const unknownFact: Rule = {
  name: 'unknownFact',
  apply: (turn) =>
    splitSentences(turn.heard).some(asksForInformation) ? { say: "Sorry, I don't have that information with me." } : null,
};

const agreeToWait: Rule = {
  name: 'agreeToWait',
  apply: (turn) => (WAIT_REQUEST.test(turn.heard) ? { say: 'Sure, take your time.' } : null),
};

const acknowledge: Rule = {
  name: 'acknowledge',
  apply: () => ({ say: 'Okay, thank you.' }),
};

export const fallbackRules: readonly Rule[] = [askToRepeat, agreeToWait, unknownFact, acknowledge];
