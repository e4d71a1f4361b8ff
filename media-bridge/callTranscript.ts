import type { PlaybackTracker } from './playbackTracker.js';
import type { TranscriptWriter } from './transcriptWriter.js';

export type Speaker = 'agent' | 'callee';
export type PartialPublisher = (partial: { speaker: Speaker; itemId: string; text: string }) => void;

// Deltas arrive many times a second; viewers get the growing text at most this often per item.
const PARTIAL_EVERY_MS = 250;

/**
 * What was said on one call, as heard: the far end's lines when their transcription completes, the agent's
 * once their audio has played (cut where they were interrupted), live partial text for viewers, and the
 * running conversation a replacement model session is given.
 */
export class CallTranscript {
  private readonly history: string[] = [];
  private readonly speechStartedAt = new Map<string, number>();
  private readonly agentItemStartedAt = new Map<string, number>();
  private readonly truncatedAt = new Map<string, number>();
  private readonly partials = new Map<string, { text: string; sentAt: number }>();
  private readonly unheardAgentLines = new Map<string, string>();

  constructor(
    private readonly callId: string,
    private readonly writer: TranscriptWriter,
    private readonly publishPartial: PartialPublisher,
    private readonly playback: PlaybackTracker,
  ) {}

  /** The far end started an utterance (its line is dated from here). */
  calleeStarted(itemId: string, at: number): void {
    this.speechStartedAt.set(itemId, at);
  }

  /** The agent's reply started playing (its line is dated from here). */
  agentStarted(itemId: string, at: number): void {
    if (!this.agentItemStartedAt.has(itemId)) this.agentItemStartedAt.set(itemId, at);
  }

  /** The agent was interrupted: only this much of the reply's audio was heard. */
  truncated(itemId: string, heardMs: number): void {
    this.truncatedAt.set(itemId, heardMs);
    this.storeHeardAgentLines();
  }

  partial(speaker: Speaker, itemId: string, delta: string | undefined): void {
    if (!itemId || !delta) return;
    const entry = this.partials.get(itemId) ?? { text: '', sentAt: 0 };
    entry.text += delta;
    this.partials.set(itemId, entry);
    const now = Date.now();
    if (now - entry.sentAt < PARTIAL_EVERY_MS) return;
    entry.sentAt = now;
    this.publishPartial({ speaker, itemId, text: entry.text });
  }

  /** Stores what the far end said; returns the text ('' when there was nothing). */
  calleeSaid(itemId: string, transcript: string): string {
    this.partials.delete(itemId);
    const text = transcript.trim();
    if (!text) return '';
    const at = this.speechStartedAt.get(itemId) ?? Date.now();
    this.history.push(`Representative: ${text}`);
    this.writer.write({ callId: this.callId, speaker: 'callee', text, spokenAt: new Date(at).toISOString(), sourceId: `in:${itemId}` });
    return text;
  }

  // The model's text arrives well before its audio has played, so a line is stored once its audio has
  // been heard (or cut off by barge-in): the transcript then says what the other side actually heard.
  agentSaid(itemId: string, transcript: string): void {
    this.partials.delete(itemId);
    this.unheardAgentLines.set(itemId, transcript.trim());
    this.storeHeardAgentLines();
  }

  /** Stores the agent lines whose audio has finished playing (all of them with `flushAll`, at the end). */
  storeHeardAgentLines(flushAll = false): void {
    for (const [itemId, transcript] of this.unheardAgentLines) {
      if (!flushAll && this.playback.isPlaying(itemId)) continue;
      this.unheardAgentLines.delete(itemId);
      const text = cutAtHeard(transcript, this.truncatedAt.get(itemId), this.playback.sentMs(itemId));
      if (!text) continue;
      const at = this.agentItemStartedAt.get(itemId) ?? Date.now();
      this.history.push(`You: ${text}`);
      this.writer.write({ callId: this.callId, speaker: 'agent', text, spokenAt: new Date(at).toISOString(), sourceId: `out:${itemId}` });
    }
  }

  /** A line for the user about the call itself (not spoken by anyone). */
  system(text: string): void {
    this.writer.write({ callId: this.callId, speaker: 'system', text, spokenAt: new Date().toISOString(), sourceId: `sys:${Date.now()}:${text.length}` });
  }

  /** Something the agent did that the model should remember, e.g. keys it pressed. */
  note(line: string): void {
    this.history.push(line);
  }

  /** The latest lines of the conversation, oldest first. */
  recent(count: number): string[] {
    return this.history.slice(-count);
  }
}

/** The transcript of an interrupted reply, cut to the share of its audio that was actually heard. */
function cutAtHeard(text: string, heardMs: number | undefined, sentMs: number): string {
  if (heardMs === undefined || sentMs <= 0 || heardMs >= sentMs) return text;
  const words = text.split(/\s+/);
  const keep = Math.round((words.length * heardMs) / sentMs);
  return keep <= 0 ? '' : `${words.slice(0, keep).join(' ')}…`;
}
