import { FRAME_MS } from '../../common/audio/mulaw.js';

export type TickListener = (tick: number) => void;

export interface FrameClockOptions {
  frameMs?: number;
  /** Monotonic milliseconds; defaults to performance.now(). */
  now?: () => number;
  /** Beyond this many missed frames (a debugger pause, a suspended laptop) the clock skips ahead. */
  maxLagFrames?: number;
}

/**
 * One clock ticking every call's audio every 20 ms. Tick n is due at origin + n * frameMs on a monotonic
 * clock, so timer jitter never accumulates into drift. When the event loop stalls, the missed ticks are
 * caught up at most two per wake-up (wakes every half frame until level), so a listener never receives a
 * burst of frames; a lag too large to catch up gracefully is skipped instead.
 */
export class FrameClock {
  private readonly frameMs: number;
  private readonly now: () => number;
  private readonly maxLagFrames: number;
  private readonly listeners = new Set<TickListener>();
  private origin = 0;
  private nextTick = 0;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private skipped = 0;

  constructor(options: FrameClockOptions = {}) {
    this.frameMs = options.frameMs ?? FRAME_MS;
    this.now = options.now ?? (() => performance.now());
    this.maxLagFrames = options.maxLagFrames ?? 50;
  }

  /** Subscribes a listener; the clock runs while it has listeners. Returns the unsubscribe function. */
  onTick(listener: TickListener): () => void {
    this.listeners.add(listener);
    if (!this.running) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.halt();
    };
  }

  /** Ticks dropped because the process fell too far behind. */
  get skippedTicks(): number {
    return this.skipped;
  }

  stop(): void {
    this.listeners.clear();
    this.halt();
  }

  private start(): void {
    this.running = true;
    // The next tick falls due one frame from now.
    this.origin = this.now() - (this.nextTick - 1) * this.frameMs;
    this.schedule(this.frameMs);
  }

  private halt(): void {
    this.running = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => this.wake(), Math.max(0, delayMs));
  }

  private wake(): void {
    this.timer = undefined;
    const elapsedTicks = Math.floor((this.now() - this.origin) / this.frameMs);
    let due = elapsedTicks - this.nextTick + 1;
    if (due > this.maxLagFrames) {
      this.skipped += due - 1;
      this.nextTick += due - 1;
      due = 1;
    }
    for (let emitted = 0; emitted < Math.min(due, 2); emitted++) this.emit(this.nextTick++);
    // Listeners may have left (halting the clock) or left and come back (restarting it) while ticking.
    if (!this.running || this.timer !== undefined) return;
    const stillBehind = due > 2;
    const nextDueAt = this.origin + this.nextTick * this.frameMs;
    this.schedule(stillBehind ? this.frameMs / 2 : nextDueAt - this.now());
  }

  private emit(tick: number): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(tick);
      } catch (error) {
        // One broken call must not stop the audio of every other call.
        console.error('frame clock listener failed', error);
      }
    }
  }
}
