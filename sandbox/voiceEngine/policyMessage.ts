// The message a caller leaves: who they are, what it is about and where to call them back, read from
// what they said. A field they give unprompted is found by its usual wording ("this is Dana from Patel
// Dental", "calling to confirm ...", "555 0142"); an answer to the agent's own question fills that field.

export interface CallerMessage {
  name: string | null;
  organization: string | null;
  reason: string | null;
  callbackNumber: string | null;
}

export type MessageField = 'name' | 'reason' | 'callbackNumber';

/** One thing the caller said, and which fields the agent had just asked for. */
export interface CallerLine {
  text: string;
  asked: readonly MessageField[];
}

const NAME_WORD = "[A-Z][a-z'’-]+";
const SELF_INTRO = new RegExp(`\\b(?:[Tt]his is|[Ii]t's|[Ii]t is|[Mm]y name is|[Mm]y name's|I'm|I am)\\s+(${NAME_WORD}(?:\\s+${NAME_WORD})?)`, 'g');
// Capitalised words that start a sentence or a title, not a name ("It's Tuesday", "This is Sorry").
const NOT_NAMES = new Set(
  'Sorry Calling Just Not Here Fine Good Okay Still The A An Yes No Hi Hello Hey Sure Thanks Thank Monday Tuesday Wednesday Thursday Friday Saturday Sunday About Regarding'.split(
    ' ',
  ),
);
const ORGANIZATION = /\bfrom\s+((?:[A-Z][\w&'’.-]*)(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&))*)/;
const PHONE_NUMBER = /\+?\d[\d\s().-]*\d/g;
const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 15;
const REASON_CUE =
  /\b(?:(?:calling|called|phoning|ringing|reaching out|getting in touch)\s+(?:to|about|because|regarding|for|in regards? to)|(?:it's|it is|this is|that's) (?:about|regarding|in regards? to)|i (?:wanted|want|need|needed|would like|'d like|was hoping) to|wanted to|i have a question|question about)\b/i;
const SAME_NUMBER = /\b(?:this|the same|my) (?:number|phone)\b|\bnumber (?:i'm|i am) calling from\b|\bcaller id\b/i;
const GREETING_OR_FILLER = /^(?:hi|hello|hey|yes|yeah|sure|okay|ok|well|so|um|uh)\b[\s,!.]*/i;

function clauses(text: string): string[] {
  return text
    .split(/[.;!?]+\s*/)
    .map((clause) => clause.trim())
    .filter(Boolean);
}

function nameIn(text: string): string | null {
  for (const match of text.matchAll(SELF_INTRO)) {
    // "It's Jane's phone": a possessive is not the speaker's name.
    const words = match[1].split(/\s+/).filter((word) => !NOT_NAMES.has(word) && !/['’]s$/.test(word));
    if (words.length > 0 && words[0] === match[1].split(/\s+/)[0]) return words.join(' ');
  }
  return null;
}

/** "Dana." or "Sure, Dana Smith.": the answer to "May I have your name?" without an introduction. */
function bareName(text: string): string | null {
  const words = (clauses(text)[0] ?? '').replace(/[^\p{L}'’\s-]/gu, ' ').split(/\s+/).filter((word) => /^[A-Z]/.test(word) && !NOT_NAMES.has(word));
  return words.length > 0 && words.length <= 3 ? words.join(' ') : null;
}

function organizationIn(text: string): string | null {
  const match = ORGANIZATION.exec(text);
  return match ? match[1].replace(/\.$/, '').replace(/\s+(?:of|and|&)$/, '') : null;
}

function numberIn(text: string): string | null {
  for (const match of text.matchAll(PHONE_NUMBER)) {
    const digits = match[0].replace(/\D/g, '').length;
    if (digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS) return match[0].trim();
  }
  return null;
}

/** "calling to confirm Jane's cleaning tomorrow at 10 am", said in the caller's words from the cue on. */
function reasonIn(text: string): string | null {
  for (const clause of clauses(text)) {
    const cue = REASON_CUE.exec(clause);
    if (cue) return clause.slice(cue.index).replace(/^(?:i'm|i am|i)\s+/i, '');
  }
  return null;
}

/** What the caller said in answer to "what is it about?", without greetings, introductions and numbers. */
function answeredReason(text: string): string | null {
  const kept = clauses(text)
    .map((clause) => clause.replace(GREETING_OR_FILLER, '').trim())
    .filter((clause) => clause && !nameIn(clause) && !numberIn(clause));
  return kept.length > 0 ? kept.join('; ') : null;
}

/** The message so far; later lines correct earlier ones. `callerId` stands in when they say "this number". */
export function messageFrom(lines: readonly CallerLine[], callerId: string | null): CallerMessage {
  const message: CallerMessage = { name: null, organization: null, reason: null, callbackNumber: null };
  for (const { text, asked } of lines) {
    if (!text) continue;
    message.name = nameIn(text) ?? (asked.includes('name') ? bareName(text) : null) ?? message.name;
    message.organization = organizationIn(text) ?? message.organization;
    message.reason = reasonIn(text) ?? (asked.includes('reason') ? answeredReason(text) : null) ?? message.reason;
    const sameNumber = asked.includes('callbackNumber') && SAME_NUMBER.test(text) ? callerId : null;
    message.callbackNumber = numberIn(text) ?? sameNumber ?? message.callbackNumber;
  }
  return message;
}

export function missingFields(message: CallerMessage): MessageField[] {
  return (['name', 'reason', 'callbackNumber'] as const).filter((field) => message[field] === null);
}
