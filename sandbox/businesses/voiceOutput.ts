import { FRAME_BYTES, FRAME_MS, MULAW_SILENCE } from '../../common/audio/mulaw.js';

interface QueuedLine {
  audio: Buffer | undefined;
  failed: boolean;
  offset: number;
  /** Silence after the line, in frames. */
  gapFrames: number;
}

/**
 * What a business is saying, one 20 ms frame at a time. Lines are queued while still being
 * synthesized; until a line's audio is ready the business is silent (a short hesitation), never
 * out of order.
 */
export class VoiceOutput {
  private readonly lines: QueuedLine[] = [];

  say(audio: Promise<Buffer>, gapAfterMs: number): void {
    const line: QueuedLine = { audio: undefined, failed: false, offset: 0, gapFrames: Math.round(gapAfterMs / FRAME_MS) };
    audio.then(
      (bytes) => (line.audio = bytes),
      (error: Error) => {
        line.failed = true;
        console.error('business speech synthesis failed', error);
      },
    );
    this.lines.push(line);
  }

  /** True while anything is queued, being synthesized or being said. */
  get speaking(): boolean {
    return this.lines.length > 0;
  }

  nextFrame(): Buffer {
    const frame = Buffer.alloc(FRAME_BYTES, MULAW_SILENCE);
    const line = this.lines[0];
    if (!line) return frame;
    if (line.failed) {
      this.lines.shift();
      return frame;
    }
    if (!line.audio) return frame;
    if (line.offset < line.audio.length) {
      line.offset += line.audio.copy(frame, 0, line.offset, line.offset + FRAME_BYTES);
    } else if (line.gapFrames > 0) {
      line.gapFrames--;
    }
    if (line.offset >= line.audio.length && line.gapFrames === 0) this.lines.shift();
    return frame;
  }
}
