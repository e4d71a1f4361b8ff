// Answering the user's own phone (inbound calls, whose brief names who the agent is `## Answering for`):
// the agent greets as the owner's assistant and never pretends to be them, takes a message (who is
// calling, what it is about, a callback number), reads it back, records it with record_outcome, says
// goodbye and ends the call. English only, like the brief the bridge writes for these calls.
import { findSection, splitSections } from './policyBrief.js';
import { messageFrom, missingFields, type CallerLine, type CallerMessage, type MessageField } from './policyMessage.js';
import { plainText } from './policySentences.js';
import { hasCalled, heardSinceWeActed, saidSoFar } from './policyTurn.js';
import type { ConversationEntry, Reply, ToolCall } from './policy.js';

export interface AnsweringBrief {
  /** Whose phone it is: a name ("Jane Doe"), or a description ("the account owner") when none is known. */
  owner: string;
  /** The number the call comes from, when the brief gives it. */
  callerId: string | null;
}

export function parseAnsweringBrief(instructions: string): AnsweringBrief | null {
  const sections = splitSections(instructions);
  const owner = findSection(sections, 'answering for').join(' ').trim();
  if (!owner) return null;
  return { owner, callerId: findSection(sections, 'caller').join(' ').trim() || null };
}

const ASK: Record<MessageField, string> = {
  name: 'May I have your name, please?',
  reason: 'What is the call about?',
  callbackNumber: "What's the best number to call you back?",
};
const READ_BACK_START = 'Let me read that back:';
const ASK_CORRECTION = 'Sorry about that. What should I correct?';
const REPEAT_REQUEST = 'Sorry, could you repeat that?';
const MAX_REPEAT_REQUESTS = 2;
const MAX_ASKS_PER_FIELD = 2;
const MAX_READ_BACKS = 2;

const DENIES = /\b(?:no|nope|not (?:right|quite|correct)|wrong|incorrect|actually)\b/;
const FAREWELL = /\b(?:good ?bye|bye|that's all|that is all|that's it|nothing else|have a (?:good|great|nice) (?:day|one))\b/;
const REPEAT = /\b(?:repeat that|say that again|come again|pardon|(?:didn't|did not) (?:catch|hear) (?:that|you))\b/;

/** The owner's first name, or null when the brief only describes them ("the account owner"). */
const firstNameOf = (owner: string) => (/^\p{Lu}/u.test(owner) ? owner.split(/\s+/)[0] : null);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function asksForOwner(plain: string, owner: string): boolean {
  const first = firstNameOf(owner);
  const names = first ? `${escapeRegExp(plainText(first))}|${escapeRegExp(plainText(owner))}|` : '';
  return new RegExp(`\\b(?:speak|talk) (?:to|with) (?:${names}her|him|them)\\b|\\b(?:is|are) (?:${names}she|he|they) (?:there|available|in|around)\\b`).test(plain);
}

function greeting(owner: string): string {
  const first = firstNameOf(owner);
  return `Hello, you've reached ${owner}'s phone, this is ${first ? `${first}'s` : 'their'} assistant.`;
}

function ownerUnavailable(owner: string): string {
  const first = firstNameOf(owner);
  return `${first ? `${first} can't` : "They can't"} come to the phone right now, but I'll pass on your message.`;
}

// A reason in the caller's words reads on after their name ("Dana, calling to confirm ..."); other
// answers are quoted as the message.
const READS_ON = /^(?:calling|called|phoning|ringing|reaching|getting|wanted|want|need|needed|would|was hoping|have a question|question|it's|it is|this is|that's|about|regarding)\b/i;

function caller(message: CallerMessage): string {
  if (message.name) return message.organization ? `${message.name} from ${message.organization}` : message.name;
  return message.organization ? `someone from ${message.organization}` : 'a caller';
}

function readBack(message: CallerMessage): string {
  const reason = message.reason ? (READS_ON.test(message.reason) ? `, ${message.reason}` : `, with this message: ${message.reason}`) : '';
  const number = message.callbackNumber ? `The callback number is ${message.callbackNumber}.` : 'No callback number was given.';
  return `${READ_BACK_START} ${caller(message)}${reason}. ${number} Is that right?`;
}

function close(brief: AnsweringBrief, message: CallerMessage): Reply {
  const notes = `Message for ${brief.owner} from ${caller(message)}: ${message.reason ?? 'no reason given'}. Callback number: ${message.callbackNumber ?? 'not given'}.`;
  const nextSteps = message.callbackNumber ? [`Call ${message.name ?? 'the caller'} back at ${message.callbackNumber}`] : [];
  const toolCalls: ToolCall[] = [
    // Taking the message is what the call was for.
    { name: 'record_outcome', arguments: { notes, resolved: 'yes', ...(nextSteps.length ? { nextSteps } : {}) } },
    { name: 'end_call', arguments: { reason: 'message taken' } },
  ];
  const first = firstNameOf(brief.owner);
  const passOn = first ? `${first} gets` : 'they get';
  return { say: `Thank you${message.name ? `, ${message.name}` : ''}. I'll make sure ${passOn} your message. Goodbye!`, toolCalls };
}

/** The caller's lines, each with the fields the agent's last words before it asked for. */
function callerLines(conversation: readonly ConversationEntry[]): CallerLine[] {
  let asked: MessageField[] = [];
  const lines: CallerLine[] = [];
  for (const entry of conversation) {
    if (entry.kind === 'said' && entry.text) {
      asked = entry.text === ASK_CORRECTION ? ['name', 'reason', 'callbackNumber'] : (Object.keys(ASK) as MessageField[]).filter((field) => entry.text.includes(ASK[field]));
    } else if (entry.kind === 'heard') {
      lines.push({ text: entry.text, asked });
    }
  }
  return lines;
}

function repeatRequestsInARow(said: readonly string[]): number {
  let count = 0;
  while (count < said.length && said[said.length - 1 - count] === REPEAT_REQUEST) count++;
  return count;
}

const say = (text: string): Reply => ({ say: text, toolCalls: [] });
const SILENT: Reply = { say: null, toolCalls: [] };

export function receptionReply(brief: AnsweringBrief, conversation: readonly ConversationEntry[]): Reply {
  const said = saidSoFar(conversation);
  if (hasCalled(conversation, 'end_call')) return SILENT;
  // Asked to speak first: the greeting.
  if (!conversation.some((entry) => entry.kind === 'heard')) return said.length === 0 ? say(`${greeting(brief.owner)} How can I help?`) : SILENT;
  const heard = heardSinceWeActed(conversation);
  if (heard === null) return SILENT;
  const text = heard.filter(Boolean).join(' ');
  const plain = plainText(text);
  const lastSaid = said.at(-1) ?? '';
  if (!text) return repeatRequestsInARow(said) < MAX_REPEAT_REQUESTS ? say(REPEAT_REQUEST) : SILENT;
  if (REPEAT.test(plain) && lastSaid) return say(lastSaid);

  const lines = callerLines(conversation);
  const message = messageFrom(lines, brief.callerId);
  const readBacks = said.filter((line) => line.includes(READ_BACK_START)).length;
  if (FAREWELL.test(plain) || readBacks >= MAX_READ_BACKS) return close(brief, message);
  if (lastSaid.includes(READ_BACK_START)) {
    if (!DENIES.test(plain)) return close(brief, message);
    // "No, it's 555 0143" corrects in the same breath; a bare "no" needs asking what is wrong.
    const before = messageFrom(lines.slice(0, lines.length - heard.length), brief.callerId);
    return say(JSON.stringify(before) === JSON.stringify(message) ? ASK_CORRECTION : readBack(message));
  }

  const parts = said.length === 0 ? [greeting(brief.owner)] : [];
  if (asksForOwner(plain, brief.owner)) parts.push(ownerUnavailable(brief.owner));
  const timesAsked = (field: MessageField) => said.filter((line) => line.includes(ASK[field])).length;
  const missing = missingFields(message).filter((field) => timesAsked(field) < MAX_ASKS_PER_FIELD);
  if (missing.length > 0) parts.push(...(parts.length === 0 ? ['Thank you.'] : []), ...missing.map((field) => ASK[field]));
  else parts.push(readBack(message));
  return say(parts.join(' '));
}
