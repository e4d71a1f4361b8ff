// The local voice engine's "model": a pure function from the instructions and the conversation so far to
// what the agent says next and which tools it calls. Rule-based; a test double for the real AI.
import { parseCallBrief } from './policyBrief.js';
import { fallbackRules, introduction, primaryRules, type ReplyPart, type Turn } from './policyRules.js';

export type ConversationEntry =
  /** The other side's speech (recognized transcript, '' if unrecognized) or a user text message. */
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
}

export interface Reply {
  say: string | null;
  toolCalls: ToolCall[];
}

const SILENT: Reply = { say: null, toolCalls: [] };

/** `Say "..."` in response instructions is followed word for word, as a real model would. */
function scriptedLine(instructions: string | undefined): string | null {
  const match = instructions ? /\bsay\b[^"“]*["“]([^"”]+)["”]/i.exec(instructions) : null;
  return match ? match[1].trim() : null;
}

/** Everything heard since we last spoke or called a tool, or null if nothing new was heard. */
function heardSinceWeActed(conversation: readonly ConversationEntry[]): string | null {
  const heard: string[] = [];
  for (let i = conversation.length - 1; i >= 0; i--) {
    const entry = conversation[i];
    if (entry.kind !== 'heard') break;
    heard.unshift(entry.text);
  }
  return heard.length === 0 ? null : heard.filter(Boolean).join(' ');
}

function combine(parts: readonly ReplyPart[]): Reply {
  const said = parts.map((part) => part.say).filter((say): say is string => Boolean(say));
  return { say: said.length > 0 ? said.join(' ') : null, toolCalls: parts.flatMap((part) => part.toolCalls ?? []) };
}

export function decideReply(input: PolicyInput): Reply {
  const line = scriptedLine(input.responseInstructions);
  if (line) return { say: line, toolCalls: [] };

  const instructions = input.responseInstructions && parseCallBrief(input.responseInstructions)
    ? input.responseInstructions
    : input.instructions;
  const brief = parseCallBrief(instructions);
  const { conversation } = input;
  // Asked to speak first (nothing heard yet): open the call the way we answer "how can I help?".
  if (!conversation.some((entry) => entry.kind === 'heard')) return { say: introduction(brief), toolCalls: [] };
  const heard = heardSinceWeActed(conversation);
  // After a tool result or our own speech there is nothing new to answer: wait for the other side.
  if (heard === null) return SILENT;

  const turn: Turn = {
    heard,
    heardSoFar: conversation.flatMap((entry) => (entry.kind === 'heard' && entry.text ? [entry.text] : [])),
    brief,
    conversation,
  };
  const parts: ReplyPart[] = [];
  for (const rule of primaryRules) {
    const part = rule.apply(turn, parts);
    if (part) parts.push(part);
  }
  if (parts.length > 0) return combine(parts);
  for (const rule of fallbackRules) {
    const part = rule.apply(turn, parts);
    if (part) return combine([part]);
  }
  return SILENT;
}
