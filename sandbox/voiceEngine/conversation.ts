// The session's conversation: items in OpenAI's shapes, plus what the engine knows about each
// (audio length, what was recognized, how much of our speech the other side heard).
import type { ConversationEntry } from './policy.js';
import { invalidRequest, type RealtimeErrorBody } from './realtimeErrors.js';

export interface ItemContent {
  type: 'input_text' | 'input_audio' | 'output_text' | 'output_audio';
  text?: string;
  transcript?: string | null;
}

export interface RealtimeItem {
  id: string;
  object: 'realtime.item';
  type: 'message' | 'function_call' | 'function_call_output';
  status: 'completed' | 'incomplete' | 'in_progress';
  role?: 'user' | 'assistant' | 'system';
  content?: ItemContent[];
  name?: string;
  call_id?: string;
  arguments?: string;
  output?: string;
}

interface Entry {
  item: RealtimeItem;
  audioMs: number;
  /** For audio we received: the recognized transcript ('' if unrecognized), once known. */
  recognized?: string;
  /** For our audio that the client truncated: how many ms of it were heard. */
  heardMs?: number;
}

function audioTranscript(item: RealtimeItem): string {
  return item.content?.map((part) => part.transcript ?? part.text ?? '').join(' ').trim() ?? '';
}

function firstWords(text: string, fraction: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.slice(0, Math.floor(words.length * fraction)).join(' ');
}

export class Conversation {
  private readonly entries: Entry[] = [];

  /** Adds an item after `previousItemId` ('root' = first; default last). Returns the id before it. */
  add(item: RealtimeItem, audioMs = 0, previousItemId?: string): { previousItemId: string | null } | { error: RealtimeErrorBody } {
    let index = this.entries.length;
    if (previousItemId === 'root') index = 0;
    else if (previousItemId !== undefined) {
      const previous = this.entries.findIndex((entry) => entry.item.id === previousItemId);
      if (previous < 0) {
        return { error: invalidRequest('item_not_found', `Item with id '${previousItemId}' not found.`, 'previous_item_id') };
      }
      index = previous + 1;
    }
    if (this.entries.some((entry) => entry.item.id === item.id)) {
      return { error: invalidRequest('item_id_exists', `Item with id '${item.id}' already exists.`, 'item.id') };
    }
    this.entries.splice(index, 0, { item, audioMs });
    return { previousItemId: index === 0 ? null : this.entries[index - 1].item.id };
  }

  find(itemId: string): RealtimeItem | undefined {
    return this.entries.find((entry) => entry.item.id === itemId)?.item;
  }

  hasFunctionCall(callId: string): boolean {
    return this.entries.some((entry) => entry.item.type === 'function_call' && entry.item.call_id === callId);
  }

  setRecognized(itemId: string, transcript: string): void {
    const entry = this.entries.find((candidate) => candidate.item.id === itemId);
    if (entry) entry.recognized = transcript;
  }

  setAudioMs(itemId: string, audioMs: number): void {
    const entry = this.entries.find((candidate) => candidate.item.id === itemId);
    if (entry) entry.audioMs = audioMs;
  }

  truncate(itemId: string, contentIndex: number, audioEndMs: number): RealtimeErrorBody | null {
    const entry = this.entries.find((candidate) => candidate.item.id === itemId);
    if (!entry) return invalidRequest('item_not_found', `Item with item_id '${itemId}' not found.`, 'item_id');
    const { item } = entry;
    if (item.role !== 'assistant' || item.content?.[contentIndex]?.type !== 'output_audio') {
      return invalidRequest('invalid_value', 'Only assistant messages with audio can be truncated.', 'content_index');
    }
    if (audioEndMs > entry.audioMs) {
      const message = `audio_end_ms (${audioEndMs}) is longer than the item's audio (${entry.audioMs} ms).`;
      return invalidRequest('invalid_value', message, 'audio_end_ms');
    }
    entry.heardMs = audioEndMs;
    return null;
  }

  /** The conversation as the policy sees it: our speech cut to what was actually heard. */
  policyView(): ConversationEntry[] {
    return this.entries.flatMap((entry): ConversationEntry[] => {
      const { item } = entry;
      if (item.type === 'function_call') return [{ kind: 'toolCall', name: item.name ?? '', arguments: item.arguments ?? '' }];
      if (item.type === 'function_call_output') return [{ kind: 'toolResult', output: item.output ?? '' }];
      if (item.role === 'system') return [];
      if (item.role === 'user') return [{ kind: 'heard', text: entry.recognized ?? audioTranscript(item) }];
      const said = audioTranscript(item);
      const heard = entry.heardMs === undefined || entry.audioMs === 0 ? said : firstWords(said, entry.heardMs / entry.audioMs);
      return [{ kind: 'said', text: heard }];
    });
  }

  /** What the context holds, for usage estimates. */
  contextSize(): { textChars: number; receivedAudioMs: number; sentAudioMs: number } {
    let textChars = 0;
    let receivedAudioMs = 0;
    let sentAudioMs = 0;
    for (const entry of this.entries) {
      const { item } = entry;
      if (item.role === 'user') receivedAudioMs += entry.audioMs;
      else if (item.role === 'assistant') sentAudioMs += entry.heardMs ?? entry.audioMs;
      textChars += (item.arguments ?? '').length + (item.output ?? '').length;
      textChars += item.content?.reduce((sum, part) => sum + (part.text ?? '').length, 0) ?? 0;
    }
    return { textChars, receivedAudioMs, sentAudioMs };
  }
}
