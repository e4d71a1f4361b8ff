import { FRAME_BYTES, MULAW_SILENCE } from '../../common/audio/mulaw.js';

interface QueuedLine {
  audio: Buffer | undefined;
  onStart: (() => void) | undefined;
  failed: boolean;
  offset: number;
}

/**
 * What a business is saying, one 20 ms frame at a time. Lines are queued while still being
 * synthesized; until a line's audio is ready nothing is said (a short hesitation), never out of
 * order.
 */
export class VoiceOutput {
  private readonly lines: QueuedLine[] = [];

  /** Queues a line; `onStart` runs when its first frame is played. */
  say(audio: Promise<Buffer>, onStart?: () => void): void {
    const line: QueuedLine = { audio: undefined, onStart, failed: false, offset: 0 };
    audio.then(
      (bytes) => (line.audio = bytes),
      (error: Error) => {
        line.failed = true;
        console.error('business speech synthesis failed', error);
      },
    );
    this.lines.push(line);
  }

  /** Stops talking at once (the caller barged in with a key); lines still being synthesized are dropped too. */
  clear(): void {
    this.lines.length = 0;
  }

  /** True while anything is queued, being synthesized or being said. */
  get speaking(): boolean {
    return this.lines.length > 0;
  }

  /** The next 20 ms of speech, or null when nothing is being said (idle, or waiting for synthesis). */
  nextFrame(): Buffer | null {
    const line = this.lines[0];
    if (!line) return null;
    if (line.failed) {
      this.lines.shift();
      return null;
    }
    if (!line.audio) return null;
    line.onStart?.();
    line.onStart = undefined;
    const frame = Buffer.alloc(FRAME_BYTES, MULAW_SILENCE);
    line.offset += line.audio.copy(frame, 0, line.offset, line.offset + FRAME_BYTES);
    if (line.offset >= line.audio.length) this.lines.shift();
    return frame;
  }
}
