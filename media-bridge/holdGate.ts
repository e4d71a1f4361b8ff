import { FRAME_MS } from '../common/audio/mulaw.js';
import { HoldDetector, type HoldEvent } from './audio/holdDetector.js';

// While on hold the last few seconds are kept, so the first words of whoever picks up can be replayed.
const REPLAY_WINDOW_MS = 3000;
// A little audio before the detected onset, as the voice model's own VAD would keep (prefix padding).
const REPLAY_PADDING_MS = 300;
// What the voice model charges to listen (PROTOCOLS.md: ~600 tokens a minute at $32 per 1M tokens).
const LISTENING_USD_PER_MINUTE = (600 * 32) / 1_000_000;

export interface LineStats {
  holdSeconds: number;
  audioSentSeconds: number;
  savedUsd: number;
}

/**
 * Decides, frame by frame, what the voice model hears: everything, except hold audio. When a live person
 * comes on, the frames since their first word are replayed so nothing they said is lost.
 */
export class HoldGate {
  private readonly detector = new HoldDetector();
  private readonly held: Array<{ atMs: number; payload: string }> = [];
  private heldFrames = 0;
  private sentFrames = 0;

  /** The far end said it is putting us on hold (the model called wait_on_hold). */
  hint(): void {
    this.detector.holdHinted();
  }

  get onHold(): boolean {
    return this.detector.onHold;
  }

  /** `callMs`: the frame's time in the stream. Returns the frames to send to the model now, and any change. */
  push(payload: string, callMs: number): { forward: string[]; event: HoldEvent | null } {
    const event = this.detector.push(Buffer.from(payload, 'base64'), callMs);
    if (event?.type === 'human-reached') {
      const replay = this.held.filter((f) => f.atMs >= event.onsetMs - REPLAY_PADDING_MS).map((f) => f.payload);
      this.held.length = 0;
      this.sentFrames += replay.length + 1;
      return { forward: [...replay, payload], event };
    }
    if (this.detector.onHold) {
      this.heldFrames++;
      this.held.push({ atMs: callMs, payload });
      while (this.held.length && this.held[0].atMs < callMs - REPLAY_WINDOW_MS) this.held.shift();
      return { forward: [], event };
    }
    this.sentFrames++;
    return { forward: [payload], event };
  }

  get stats(): LineStats {
    const holdSeconds = (this.heldFrames * FRAME_MS) / 1000;
    return {
      holdSeconds,
      audioSentSeconds: (this.sentFrames * FRAME_MS) / 1000,
      savedUsd: Math.round((holdSeconds / 60) * LISTENING_USD_PER_MINUTE * 10_000) / 10_000,
    };
  }
}
