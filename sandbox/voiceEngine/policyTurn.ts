// What every rule gets to look at, what it may add to the reply, and questions about the call so far
// that several rules ask.
import type { CallBrief } from './policyBrief.js';
import type { Language } from './policyLanguage.js';
import type { LoopIn } from './policyLoopInState.js';
import type { Phrases } from './policyPhrases.js';
import type { ConversationEntry, ToolCall } from './policy.js';

export interface Turn {
  /** What was heard since we last acted (spoke or called a tool); '' when the speech was not recognized. */
  heard: string;
  /** `heard` accent-folded and lower case, the form the cue patterns are written for. */
  plain: string;
  /** Every recognized thing heard in the call so far, oldest first, including `heard`; never the bridge's notes. */
  heardSoFar: string[];
  brief: CallBrief | null;
  /** The conversation without the bridge's notes. */
  conversation: readonly ConversationEntry[];
  language: Language;
  phrases: Phrases;
  /** Where bringing the customer onto the line stands (the bridge's notes included). */
  loopIn: LoopIn;
  /** Whether the session declared the tool, so the agent can choose another way (say instead of press). */
  canCall(tool: string): boolean;
}

export interface ReplyPart {
  say?: string;
  toolCalls?: ToolCall[];
}

export interface Rule {
  name: string;
  apply(turn: Turn, earlierParts: readonly ReplyPart[]): ReplyPart | null;
}

/** Answered on purpose with silence: the rule matched, and the right thing is to say nothing. */
export const STAY_SILENT: ReplyPart = {};

export function toolCalls(conversation: readonly ConversationEntry[], tool: string): Array<Record<string, unknown>> {
  return conversation.flatMap((entry) => {
    if (entry.kind !== 'toolCall' || entry.name !== tool) return [];
    try {
      const parsed: unknown = JSON.parse(entry.arguments || '{}');
      return [typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}];
    } catch {
      return [{}];
    }
  });
}

export function hasCalled(conversation: readonly ConversationEntry[], tool: string): boolean {
  return conversation.some((entry) => entry.kind === 'toolCall' && entry.name === tool);
}

export function partsCall(parts: readonly ReplyPart[], tool: string): boolean {
  return parts.some((part) => part.toolCalls?.some((call) => call.name === tool));
}

/** The case number recorded earlier in the call, if any. */
export function recordedCaseNumber(conversation: readonly ConversationEntry[]): string | null {
  const recorded = toolCalls(conversation, 'record_outcome').map((args) => args.caseNumber).filter((code) => typeof code === 'string');
  return (recorded.at(-1) as string | undefined) ?? null;
}

/** Everything heard since we last spoke or called a tool, oldest first, or null if nothing new was heard. */
export function heardSinceWeActed(conversation: readonly ConversationEntry[]): string[] | null {
  const heard: string[] = [];
  for (let i = conversation.length - 1; i >= 0; i--) {
    const entry = conversation[i];
    if (entry.kind !== 'heard') break;
    heard.unshift(entry.text);
  }
  return heard.length === 0 ? null : heard;
}

/** What we said, oldest first, as heard by the other side. */
export function saidSoFar(conversation: readonly ConversationEntry[]): string[] {
  return conversation.flatMap((entry) => (entry.kind === 'said' && entry.text ? [entry.text] : []));
}

/** Entries since the line last changed hands: our last key press or hold, when a new party may be on. */
export function sinceLastTransfer(conversation: readonly ConversationEntry[]): readonly ConversationEntry[] {
  for (let i = conversation.length - 1; i >= 0; i--) {
    const entry = conversation[i];
    if (entry.kind === 'toolCall' && (entry.name === 'press_digits' || entry.name === 'wait_on_hold')) return conversation.slice(i + 1);
  }
  return conversation;
}

/** The customer's first name, as the agent calls them to the phone ("Jane" for "Jane Doe"). */
export function firstName(brief: CallBrief | null, fallback: string): string {
  return brief?.onBehalfOf.split(/\s+/)[0] || fallback;
}
