// The local voice engine's "model": a pure function from the instructions and the conversation so far to
// what the agent says next and which tools it calls. Rule-based; a test double for the real AI.
import { parseCallBrief } from './policyBrief.js';
import { heardAfterHold, isHolding } from './policyHold.js';
import { lineLanguage, type Language } from './policyLanguage.js';
import { lineRules } from './policyLineRules.js';
import { afterMenuCutShort } from './policyMenuCutShort.js';
import { answerUserRequest, customerOnTheLineRules, waitingForCustomerRules } from './policyLoopInRules.js';
import { isBridgeNote, loopInState, owedAfterRequest, withoutCustomer } from './policyLoopInState.js';
import { phrasesFor } from './policyPhrases.js';
import { fallbackRules, primaryRules } from './policyRules.js';
import { parseAnsweringBrief, receptionReply } from './policyReception.js';
import { announcedFirst, recordingAnnouncement } from './policyRecording.js';
import { plainText } from './policySentences.js';
import { heardSinceWeActed, type ReplyPart, type Rule, type Turn } from './policyTurn.js';

export type ConversationEntry =
  /**
   * The other side's speech (recognized transcript, '' if unrecognized) or a user text message; the
   * bridge's notes about the call are text messages in [square brackets].
   */
  | { kind: 'heard'; text: string }
  /** Our speech, cut to what the other side actually heard when it was truncated. */
  | { kind: 'said'; text: string }
  | { kind: 'toolCall'; name: string; arguments: string }
  | { kind: 'toolResult'; output: string };

export interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

export interface PolicyInput {
  /** Session instructions (the call brief the bridge writes). */
  instructions: string;
  /** `response.create` instructions; they replace the session instructions for one response. */
  responseInstructions?: string;
  conversation: readonly ConversationEntry[];
  /** Tools the response may call; when given, the policy picks ways that need only these. */
  tools?: readonly string[];
}

export interface Reply {
  say: string | null;
  toolCalls: ToolCall[];
  /** Language of `say` when it is not English, so it is spoken with a matching voice. */
  language?: Language;
}

const SILENT: Reply = { say: null, toolCalls: [] };

/** `Say "..."` in response instructions is followed word for word, as a real model would. */
function scriptedLine(instructions: string | undefined): string | null {
  const match = instructions ? /\bsay\b[^"“]*["“]([^"”]+)["”]/i.exec(instructions) : null;
  return match ? match[1].trim() : null;
}

function combine(parts: readonly ReplyPart[], language: Language): Reply {
  const said = parts.map((part) => part.say).filter((say): say is string => Boolean(say));
  const say = said.length > 0 ? said.join(' ') : null;
  return { say, toolCalls: parts.flatMap((part) => part.toolCalls ?? []), ...(say && language !== 'en' ? { language } : {}) };
}

/** Every rule that matches adds its part; later rules see what earlier ones added. */
function applyAll(rules: readonly Rule[], turn: Turn): ReplyPart[] {
  const parts: ReplyPart[] = [];
  for (const rule of rules) {
    const part = rule.apply(turn, parts);
    if (part) parts.push(part);
  }
  return parts;
}

function firstMatch(rules: readonly Rule[], turn: Turn): ReplyPart | null {
  for (const rule of rules) {
    const part = rule.apply(turn, []);
    if (part) return part;
  }
  return null;
}

export function decideReply(input: PolicyInput): Reply {
  const line = scriptedLine(input.responseInstructions);
  if (line) return { say: line, toolCalls: [] };

  const instructions = input.responseInstructions && parseCallBrief(input.responseInstructions)
    ? input.responseInstructions
    : input.instructions;
  // The bridge's notes about the call are not speech; they only change how the agent behaves.
  const conversation = input.conversation.filter((entry) => !isBridgeNote(entry));
  const answering = parseAnsweringBrief(instructions);
  if (answering) return receptionReply(answering, conversation);
  const brief = parseCallBrief(instructions);
  const heardSoFar = conversation.flatMap((entry) => (entry.kind === 'heard' && entry.text ? [entry.text] : []));
  const language = lineLanguage(heardSoFar);
  const phrases = phrasesFor(language);
  // Asked to speak first (nothing heard yet): open the call the way we answer "how can I help?".
  const announce = (reply: Reply) => announcedFirst(reply, recordingAnnouncement(instructions), conversation);
  if (!conversation.some((entry) => entry.kind === 'heard')) return announce(combine([{ say: phrases.introduction(brief) }], language));
  const loopIn = loopInState(input.conversation);
  const owed = owedAfterRequest(input.conversation);
  if (owed) return combine([answerUserRequest({ brief, phrases }, owed === 'reached')], language);
  const sinceWeActed = heardSinceWeActed(conversation);
  // After a tool result or our own speech there is nothing new to answer: wait for the other side.
  if (sinceWeActed === null) return SILENT;
  const customerAround = loopIn === 'waiting' || loopIn === 'joined';
  const heard = customerAround
    ? withoutCustomer(sinceWeActed, brief)
    : isHolding(conversation) ? heardAfterHold(sinceWeActed, brief?.facts ?? []) : afterMenuCutShort(sinceWeActed);
  // Still on hold: music, queue messages and promotions get no answer.
  if (heard === null) return SILENT;

  const text = heard.filter(Boolean).join(' ');
  const tools = input.tools ? new Set(input.tools) : null;
  const turn: Turn = {
    heard: text,
    plain: plainText(text),
    heardSoFar,
    brief,
    conversation,
    language,
    phrases,
    loopIn,
    canCall: (tool) => tools === null || tools.has(tool),
  };
  if (customerAround) return announce(combine(applyAll(loopIn === 'joined' ? customerOnTheLineRules : waitingForCustomerRules, turn), language));
  // Menus, hold queues and voicemail boxes are not people: no recording announcement for them.
  const onTheLine = firstMatch(lineRules, turn);
  if (onTheLine) return combine([onTheLine], language);
  const parts = applyAll(primaryRules, turn);
  if (parts.length > 0) return announce(combine(parts, language));
  const fallback = firstMatch(fallbackRules, turn);
  return fallback ? announce(combine([fallback], language)) : SILENT;
}
