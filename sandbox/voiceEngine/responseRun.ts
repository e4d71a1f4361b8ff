// One model response, streamed the way the Realtime API streams it: an assistant audio message whose
// audio arrives in deltas faster than real time, then any function calls, then `response.done`.
import { setTimeout as delay } from 'node:timers/promises';
import { FRAME_BYTES, FRAME_MS } from '../../common/audio/mulaw.js';
import type { Conversation, RealtimeItem } from './conversation.js';
import { itemAddedEvents, itemDoneEvent, type ServerEventBody } from './itemEvents.js';
import type { Reply } from './policy.js';
import { newId } from './realtimeIds.js';
import { estimateUsage, type Usage } from './usageEstimate.js';

// 5 frames (100 ms) every 20 ms: five times real time, like a model that outpaces playback.
const FRAMES_PER_DELTA = 5;
const DELTA_INTERVAL_MS = 20;
const ARGUMENT_DELTA_CHARS = 24;

export type CancelReason = 'turn_detected' | 'client_cancelled';

export interface ResponseRunDeps {
  send(event: ServerEventBody): void;
  synthesize(text: string, voice: string): Promise<Buffer>;
  /** Null for out-of-band responses (`response.conversation: 'none'`), which add nothing to it. */
  conversation: Conversation | null;
  /** Instructions + tools size, for the usage estimate. */
  contextTextChars: number;
  previousInputTokens: number;
}

export interface ResponseSettings {
  conversationId: string;
  voice: string;
  maxOutputTokens: number | 'inf';
  metadata: Record<string, string> | null;
}

export class ResponseRun {
  readonly id = newId('resp');
  private readonly output: RealtimeItem[] = [];
  private readonly aborter = new AbortController();
  private cancelReason: CancelReason | null = null;
  private spokenMs = 0;
  private textChars = 0;
  usage: Usage | null = null;

  constructor(
    private readonly deps: ResponseRunDeps,
    private readonly reply: Reply,
    private readonly settings: ResponseSettings,
  ) {}

  get cancelled(): boolean {
    return this.cancelReason !== null;
  }

  cancel(reason: CancelReason): void {
    if (this.cancelReason) return;
    this.cancelReason = reason;
    this.aborter.abort();
  }

  private responseObject(status: string, statusDetails: unknown, usage: Usage | null) {
    return {
      object: 'realtime.response',
      id: this.id,
      status,
      status_details: statusDetails,
      output: this.output,
      conversation_id: this.deps.conversation ? this.settings.conversationId : null,
      output_modalities: ['audio'],
      max_output_tokens: this.settings.maxOutputTokens,
      audio: { output: { format: { type: 'audio/pcmu' }, voice: this.settings.voice } },
      usage,
      metadata: this.settings.metadata,
    };
  }

  private async pause(): Promise<void> {
    await delay(DELTA_INTERVAL_MS, undefined, { signal: this.aborter.signal }).catch(() => undefined);
  }

  private addItem(item: RealtimeItem, outputIndex: number, audioMs = 0): string | null {
    this.output.push(item);
    this.deps.send({ type: 'response.output_item.added', response_id: this.id, output_index: outputIndex, item });
    if (!this.deps.conversation) return null;
    const added = this.deps.conversation.add(item, audioMs);
    const previousItemId = 'previousItemId' in added ? added.previousItemId : null;
    for (const event of itemAddedEvents(item, previousItemId)) this.deps.send(event);
    return previousItemId;
  }

  private finishItem(item: RealtimeItem, outputIndex: number, previousItemId: string | null): void {
    this.deps.send({ type: 'response.output_item.done', response_id: this.id, output_index: outputIndex, item });
    if (this.deps.conversation) this.deps.send(itemDoneEvent(item, previousItemId));
  }

  private async speak(text: string, outputIndex: number): Promise<void> {
    const audio = await this.deps.synthesize(text, this.settings.voice);
    if (this.cancelled) return;
    const part = { type: 'output_audio' as const, transcript: '' };
    const item: RealtimeItem = { id: newId('item'), object: 'realtime.item', type: 'message', status: 'in_progress', role: 'assistant', content: [] };
    const audioMs = (audio.length / FRAME_BYTES) * FRAME_MS;
    const previousItemId = this.addItem(item, outputIndex, audioMs);
    const where = { response_id: this.id, item_id: item.id, output_index: outputIndex, content_index: 0 };
    this.deps.send({ type: 'response.content_part.added', ...where, part: { type: 'audio', transcript: '' } });
    item.content = [part];

    const words = text.split(/\s+/).filter(Boolean);
    const chunkBytes = FRAMES_PER_DELTA * FRAME_BYTES;
    let sentBytes = 0;
    let sentWords = 0;
    while (sentBytes < audio.length && !this.cancelled) {
      const chunk = audio.subarray(sentBytes, sentBytes + chunkBytes);
      sentBytes += chunk.length;
      this.deps.send({ type: 'response.output_audio.delta', ...where, delta: chunk.toString('base64') });
      // The transcript keeps pace with the audio, word by word.
      const wordsDue = Math.ceil((words.length * sentBytes) / audio.length);
      if (wordsDue > sentWords) {
        const delta = (sentWords > 0 ? ' ' : '') + words.slice(sentWords, wordsDue).join(' ');
        part.transcript += delta;
        sentWords = wordsDue;
        this.deps.send({ type: 'response.output_audio_transcript.delta', ...where, delta });
      }
      if (sentBytes < audio.length) await this.pause();
    }

    this.spokenMs += (sentBytes / FRAME_BYTES) * FRAME_MS;
    this.textChars += part.transcript.length;
    // A cancelled message keeps only the audio that was actually sent.
    if (this.cancelled) this.deps.conversation?.setAudioMs(item.id, (sentBytes / FRAME_BYTES) * FRAME_MS);
    item.status = this.cancelled ? 'incomplete' : 'completed';
    this.deps.send({ type: 'response.output_audio.done', ...where });
    this.deps.send({ type: 'response.output_audio_transcript.done', ...where, transcript: part.transcript });
    this.deps.send({ type: 'response.content_part.done', ...where, part: { type: 'audio', transcript: part.transcript } });
    this.finishItem(item, outputIndex, previousItemId);
  }

  private callFunction(name: string, args: Record<string, unknown>, outputIndex: number): void {
    const callId = newId('call');
    const item: RealtimeItem = {
      id: newId('item'), object: 'realtime.item', type: 'function_call', status: 'in_progress', name, call_id: callId, arguments: '',
    };
    const previousItemId = this.addItem(item, outputIndex);
    const argumentsText = JSON.stringify(args);
    const where = { response_id: this.id, item_id: item.id, output_index: outputIndex, call_id: callId };
    for (let start = 0; start < argumentsText.length; start += ARGUMENT_DELTA_CHARS) {
      this.deps.send({ type: 'response.function_call_arguments.delta', ...where, delta: argumentsText.slice(start, start + ARGUMENT_DELTA_CHARS) });
    }
    item.arguments = argumentsText;
    item.status = 'completed';
    this.textChars += argumentsText.length;
    this.deps.send({ type: 'response.function_call_arguments.done', ...where, name, arguments: argumentsText });
    this.finishItem(item, outputIndex, previousItemId);
  }

  /** Streams the whole response; resolves after `response.done`, whether completed, cancelled or failed. */
  async run(): Promise<void> {
    // Input usage counts the context the response was generated from, not its own output.
    const context = this.deps.conversation?.contextSize() ?? { textChars: 0, receivedAudioMs: 0, sentAudioMs: 0 };
    this.deps.send({ type: 'response.created', response: this.responseObject('in_progress', null, null) });
    let failure: Error | null = null;
    try {
      if (this.reply.say) await this.speak(this.reply.say, this.output.length);
      for (const call of this.reply.toolCalls) {
        if (this.cancelled) break;
        this.callFunction(call.name, call.arguments, this.output.length);
      }
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    this.usage = estimateUsage(
      { ...context, textChars: context.textChars + this.deps.contextTextChars },
      { spokenMs: this.spokenMs, textChars: this.textChars },
      this.deps.previousInputTokens,
    );
    const [status, details] = failure
      ? ['failed', { type: 'failed', error: { type: 'server_error', code: 'synthesis_failed', message: failure.message } }]
      : this.cancelReason
        ? ['cancelled', { type: 'cancelled', reason: this.cancelReason }]
        : ['completed', null];
    this.deps.send({ type: 'response.done', response: this.responseObject(status, details, this.usage) });
  }
}
