// Where the call stands with bringing the customer onto the line (`request_user`), read from the
// conversation: the tool's result says whether the customer can be dialled, and the bridge's notes say
// when they are on the line, could not be reached, or have left.
import type { CallBrief } from './policyBrief.js';
import { SPEAKS_AS_CUSTOMER } from './policyCues.js';
import { plainText, splitSentences } from './policySentences.js';
import type { ConversationEntry } from './policy.js';

/**
 * `none`: not asked for. `waiting`: asked for and being dialled. `unreachable`: the customer cannot be
 * dialled or did not answer. `joined`: on the line, speaking for themselves. `left`: was on, and left.
 */
export type LoopIn = 'none' | 'waiting' | 'unreachable' | 'joined' | 'left';

// The bridge tells the model about the call in user text messages in square brackets, e.g.
// "[The customer (Jane Doe) is now on the line and will speak for themselves. ...]". Nobody says brackets.
const BRIDGE_NOTE = /^\s*\[[\s\S]*\]\s*$/;
const NOTE_STATES: ReadonlyArray<[RegExp, LoopIn]> = [
  [/\bis now on the line\b/i, 'joined'],
  [/\b(?:could not be (?:connected|reached)|cannot be reached|did not answer|didn't answer)\b/i, 'unreachable'],
  [/\bhas left the call\b/i, 'left'],
];

export function isBridgeNote(entry: ConversationEntry): boolean {
  return entry.kind === 'heard' && BRIDGE_NOTE.test(entry.text);
}

/** `{"ok":false,...}` means the customer cannot be dialled; anything else, that they are being dialled. */
function customerReachable(output: string): boolean {
  try {
    const parsed: unknown = JSON.parse(output);
    return !(typeof parsed === 'object' && parsed !== null && (parsed as { ok?: unknown }).ok === false);
  } catch {
    return true;
  }
}

function noteState(entry: ConversationEntry): LoopIn | null {
  if (entry.kind !== 'heard' || !isBridgeNote(entry)) return null;
  return NOTE_STATES.find(([pattern]) => pattern.test(entry.text))?.[1] ?? null;
}

export function loopInState(conversation: readonly ConversationEntry[]): LoopIn {
  let state: LoopIn = 'none';
  let awaitingResult = false;
  for (const entry of conversation) {
    if (entry.kind === 'toolCall' && entry.name === 'request_user') {
      state = 'waiting';
      awaitingResult = true;
    } else if (entry.kind === 'toolResult' && awaitingResult) {
      awaitingResult = false;
      if (!customerReachable(entry.output)) state = 'unreachable';
    } else {
      state = noteState(entry) ?? state;
    }
  }
  return state;
}

/** The agent told the representative about fetching the customer: with the request, or since. */
function toldOfRequest(conversation: readonly ConversationEntry[], request: number): boolean {
  if (conversation.slice(request + 1).some((entry) => entry.kind === 'said' && entry.text)) return true;
  for (let i = request - 1; i >= 0; i--) {
    const entry = conversation[i];
    if (entry.kind === 'said' && entry.text) return true;
    if (entry.kind === 'heard') return false;
  }
  return false;
}

/**
 * What the agent owes the representative right after `request_user` answered, or after a note that the
 * customer could not be reached: `reached` (say they are coming, unless already said), `unreachable`,
 * or null when there is nothing to say.
 */
export function owedAfterRequest(conversation: readonly ConversationEntry[]): 'reached' | 'unreachable' | null {
  const last = conversation.at(-1);
  if (!last) return null;
  if (noteState(last) === 'unreachable') return 'unreachable';
  if (last.kind !== 'toolResult') return null;
  for (let i = conversation.length - 2; i >= 0; i--) {
    const entry = conversation[i];
    if (entry.kind !== 'toolCall') continue;
    if (entry.name !== 'request_user') return null;
    if (!customerReachable(last.output)) return 'unreachable';
    return toldOfRequest(conversation, i) ? null : 'reached';
  }
  return null;
}

/** `request_user` was called and nothing was said about it yet: the representative is owed a word. */
export function untoldOfRequest(conversation: readonly ConversationEntry[]): boolean {
  for (let i = conversation.length - 1; i >= 0; i--) {
    const entry = conversation[i];
    if (entry.kind === 'toolCall' && entry.name === 'request_user') return !toldOfRequest(conversation, i);
  }
  return false;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Sentences in which the customer speaks for themselves ("Hi, this is Jane Doe.", "My name is Jane Doe,
 * and my date of birth is ...", "Yes, I'm the patient."): the representative's business with them.
 */
function isCustomerSpeaking(sentence: string, brief: CallBrief | null): boolean {
  const plain = plainText(sentence);
  if (SPEAKS_AS_CUSTOMER.test(plain)) return true;
  const full = brief?.onBehalfOf.trim();
  if (!full) return false;
  const names = [...new Set([full, full.split(/\s+/)[0]])].map((name) => escapeRegExp(plainText(name))).join('|');
  const introduces = new RegExp(
    `\\b(?:this is|it's|it is|i'm|i am|my name is|my name's|soy|me llamo|mi nombre es)\\s+(?:${names})\\b|^(?:(?:hi|hello|hey|yes|hola|si),?\\s+)?(?:${names})\\s+(?:here|speaking)\\b`,
  );
  return introduces.test(plain);
}

/** What the others said, without the customer's own sentences. */
export function withoutCustomer(heard: readonly string[], brief: CallBrief | null): string[] {
  return heard.map((text) => splitSentences(text).filter((sentence) => !isCustomerSpeaking(sentence, brief)).join(' '));
}
