import { EventEmitter } from 'node:events';
import type { Logger } from '../../common/logger.js';
import { RealtimeBrain, type BrainEvent, type BrainSettings } from './realtimeBrain.js';

export interface BrainConnectionOptions {
  /** Sessions have a maximum length; rotate to a fresh one (with a summary) before reaching it. */
  maxSessionMs: number;
  /** After the other side stops talking, a reply must start within this long or the session is replaced. */
  responseTimeoutMs: number;
  maxReconnects: number;
}

export interface BrainConnectionEvents {
  event: [BrainEvent];
  /** The model could not be reached again; the call cannot go on. */
  failed: [reason: string];
}

export const DEFAULT_BRAIN_OPTIONS: BrainConnectionOptions = { maxSessionMs: 55 * 60_000, responseTimeoutMs: 12_000, maxReconnects: 3 };

// Audio that arrives while a session is being (re)opened is kept and replayed, up to this many frames.
const MAX_BUFFERED_FRAMES = 50 * 15;

/**
 * Keeps one call's voice-model session alive: buffers audio while connecting, reopens a dropped or stuck
 * session with the conversation so far, and rotates long sessions at a quiet moment so the other side
 * hears at most a short pause.
 */
export class BrainConnection extends EventEmitter<BrainConnectionEvents> {
  private brain: RealtimeBrain | null = null;
  private buffered: string[] = [];
  private openedAt = 0;
  private reconnects = 0;
  private responding = false;
  private theyAreSpeaking = false;
  private replyDueBy: number | null = null;
  private swapping = false;
  private suspended = false;
  private closed = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly settings: BrainSettings,
    private readonly instructions: () => string,
    private readonly log: Logger,
    private readonly options: BrainConnectionOptions = DEFAULT_BRAIN_OPTIONS,
  ) {
    super();
    this.timer = setInterval(() => void this.check(), 1000);
    this.timer.unref();
  }

  async start(): Promise<void> {
    await this.open('start');
  }

  appendAudio(payload: string): void {
    if (this.brain) this.brain.appendAudio(payload);
    // While a replacement session opens, the old one keeps listening and the new one gets a replay.
    if ((!this.brain || this.swapping) && this.buffered.length < MAX_BUFFERED_FRAMES) this.buffered.push(payload);
  }

  send(event: { type: string; [key: string]: unknown }): void {
    this.brain?.send(event);
  }

  /** Closes the session to stop paying for it (a long hold); audio is buffered until `resume()`. */
  suspend(): void {
    if (this.suspended || !this.brain) return;
    this.suspended = true;
    this.buffered = [];
    const brain = this.brain;
    this.brain = null;
    brain.close();
    this.log.info('voice model session suspended');
  }

  /** Reopens a suspended session with the conversation so far; buffered audio is replayed into it. */
  async resume(): Promise<void> {
    if (!this.suspended) return;
    this.suspended = false;
    await this.open('resumed after hold');
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    this.brain?.close();
    this.brain = null;
  }

  private async open(why: string): Promise<void> {
    try {
      const brain = await RealtimeBrain.connect(this.settings, this.instructions());
      if (this.closed) return brain.close();
      const previous = this.brain;
      this.brain = brain;
      this.openedAt = Date.now();
      this.responding = false;
      this.replyDueBy = null;
      brain.on('event', (event) => this.onEvent(brain, event));
      brain.on('closed', (reason) => brain === this.brain && void this.lost(reason));
      previous?.close();
      for (const payload of this.buffered) brain.appendAudio(payload);
      this.buffered = [];
      if (why !== 'start') this.log.info('voice model session reopened', { why });
    } catch (err) {
      await this.lost((err as Error).message);
    }
  }

  private async lost(reason: string): Promise<void> {
    this.brain = null;
    if (this.closed) return;
    this.log.warn('voice model session lost', { reason, reconnects: this.reconnects });
    if (this.reconnects++ < this.options.maxReconnects) return this.open(`lost: ${reason}`);
    this.emit('failed', reason);
  }

  private onEvent(brain: RealtimeBrain, event: BrainEvent): void {
    if (brain !== this.brain) return;
    switch (event.type) {
      case 'input_audio_buffer.speech_started':
        this.theyAreSpeaking = true;
        this.replyDueBy = null;
        break;
      case 'input_audio_buffer.speech_stopped':
        this.theyAreSpeaking = false;
        this.replyDueBy = Date.now() + this.options.responseTimeoutMs;
        break;
      case 'response.created':
        this.responding = true;
        this.replyDueBy = null;
        break;
      case 'response.done':
        this.responding = false;
        this.reconnects = 0;
        break;
    }
    this.emit('event', event);
  }

  private async check(): Promise<void> {
    if (!this.brain || this.swapping || this.suspended || this.closed) return;
    const now = Date.now();
    const stuck = this.replyDueBy !== null && now > this.replyDueBy;
    const old = now - this.openedAt > this.options.maxSessionMs && !this.responding && !this.theyAreSpeaking;
    if (!stuck && !old) return;
    this.swapping = true;
    try {
      await this.open(stuck ? 'no reply from the model' : 'session age');
    } finally {
      this.swapping = false;
    }
  }
}
