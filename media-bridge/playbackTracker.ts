import { SAMPLE_RATE } from '../common/audio/mulaw.js';

const MARK_EVERY_MS = 100;

interface Segment {
  mark: string;
  itemId: string;
  startMs: number;
  endMs: number;
  sentAt: number;
}

/**
 * Knows how much of the agent's audio the other side has actually heard. The carrier plays what we send
 * in order and in real time, echoing each mark once the audio before it has played; between two echoes
 * the playing segment advances with the clock. That is what barge-in needs for `audio_end_ms`.
 */
export class PlaybackTracker {
  private pending: Segment[] = [];
  private itemSentMs = new Map<string, number>();
  private lastPlayedAt = 0;
  private lastPlayed: { itemId: string; endMs: number } | null = null;
  private seq = 0;
  private drainWaiters: Array<() => void> = [];

  /**
   * Registers audio just sent for an item; returns the marks to send right after it. One mark per ~100 ms
   * of audio (not per delta) keeps the socket traffic down; between marks the clock fills in.
   */
  queue(itemId: string, audioBytes: number, now: number): string[] {
    const marks: string[] = [];
    const startMs = this.itemSentMs.get(itemId) ?? 0;
    const endMs = startMs + (audioBytes * 1000) / SAMPLE_RATE;
    this.itemSentMs.set(itemId, endMs);
    let open = this.pending.at(-1);
    if (open && !open.mark && open.itemId !== itemId) marks.push(...this.closeSegment());
    open = this.pending.at(-1);
    if (!open || open.mark) this.pending.push({ mark: '', itemId, startMs, endMs, sentAt: now });
    else open.endMs = endMs;
    const current = this.pending.at(-1)!;
    if (current.endMs - current.startMs >= MARK_EVERY_MS) marks.push(...this.closeSegment());
    return marks;
  }

  /** Marks the audio sent since the last mark (an item's audio is complete); empty when there is none. */
  closeSegment(): string[] {
    const open = this.pending.at(-1);
    if (!open || open.mark) return [];
    open.mark = `pb-${++this.seq}`;
    return [open.mark];
  }

  markPlayed(mark: string, now: number): void {
    const index = this.pending.findIndex((s) => s.mark === mark);
    if (index < 0) return;
    const done = this.pending[index];
    this.pending.splice(0, index + 1);
    this.lastPlayedAt = now;
    this.lastPlayed = { itemId: done.itemId, endMs: done.endMs };
    if (!this.pending.length) this.resolveDrained();
  }

  /** Total ms of audio sent for an item. */
  sentMs(itemId: string): number {
    return this.itemSentMs.get(itemId) ?? 0;
  }

  /** Whether any of this item's audio is still waiting to be played. */
  isPlaying(itemId: string): boolean {
    return this.pending.some((s) => s.itemId === itemId);
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** The item being heard now and how many ms of it have played, or null when nothing is queued. */
  playingNow(now: number): { itemId: string; audioEndMs: number } | null {
    const current = this.pending[0];
    if (!current) return null;
    const startedAt = Math.max(current.sentAt, this.lastPlayed ? this.lastPlayedAt : current.sentAt);
    const played = Math.min(current.endMs - current.startMs, Math.max(0, now - startedAt));
    return { itemId: current.itemId, audioEndMs: Math.round(current.startMs + played) };
  }

  /** After a `clear`: the carrier dropped everything queued (it echoes those marks; they are ignored). */
  cleared(): void {
    this.pending = [];
    this.resolveDrained();
  }

  /** Resolves once everything sent so far has played (or `timeoutMs` passes). */
  drained(timeoutMs: number): Promise<void> {
    if (!this.pending.length) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.drainWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private resolveDrained(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const w of waiters) w();
  }
}
