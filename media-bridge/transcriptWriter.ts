import type { Logger } from '../common/logger.js';
import type { NewTranscriptLine } from '../db/calls.js';

/**
 * Writes transcript lines in order, retrying through database hiccups so no line is lost while the
 * bridge runs. Lines carry a stable source id, so a write that succeeded but looked failed is harmless.
 */
export class TranscriptWriter {
  private queue: NewTranscriptLine[] = [];
  private running: Promise<void> | null = null;

  constructor(private readonly store: (line: NewTranscriptLine) => Promise<void>, private readonly log: Logger, private readonly retryMs = 1000) {}

  write(line: NewTranscriptLine): void {
    this.queue.push(line);
    this.running ??= this.drain().finally(() => (this.running = null));
  }

  /** Waits until everything queued is stored, or `timeoutMs` passes (then reports what is left). */
  async flush(timeoutMs: number): Promise<number> {
    if (this.running) await Promise.race([this.running, new Promise((r) => setTimeout(r, timeoutMs))]);
    return this.queue.length;
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const line = this.queue[0];
      try {
        await this.store(line);
        this.queue.shift();
      } catch (err) {
        this.log.warn('storing a transcript line failed; retrying', { callId: line.callId, error: (err as Error).message });
        await new Promise((r) => setTimeout(r, this.retryMs));
      }
    }
  }
}
