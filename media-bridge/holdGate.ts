import { FRAME_MS } from '../common/audio/mulaw.js';
import type { FrameFeatures } from './audio/frameAnalyzer.js';
import { HoldGate as AudioHoldGate } from './audio/holdGate.js';
import type { LineClassifier } from './audio/lineClassifier.js';
import type { HoldEvent } from './audio/holdDetector.js';

// What the voice model charges to listen (PROTOCOLS.md: ~600 tokens a minute at $32 per 1M tokens).
const LISTENING_USD_PER_MINUTE = (600 * 32) / 1_000_000;

export interface LineStats {
  holdSeconds: number;
  audioSentSeconds: number;
  savedUsd: number;
}


/**
 * The hold gate on the carrier's base64 payloads, counting what the voice model was spared: nothing goes
 * to the model on hold, and whoever picks up is heard from their first word.
 */
export class HoldGate {
  private readonly gate = new AudioHoldGate();
  private heldFrames = 0;
  private sentFrames = 0;
  private off = false;
  private latestFrame = Buffer.alloc(0);

  /** The far end said it is putting us on hold (the model called wait_on_hold). */
  hint(): void {
    this.gate.detector.holdHinted();
  }

  /** A voicemail box answered: there is no hold on this call, and its beep must not be taken for one. */
  disable(): void {
    this.off = true;
  }

  get onHold(): boolean {
    return !this.off && this.gate.detector.onHold;
  }

  /** The frame pushed last, decoded: other detectors of the same audio need not decode it again. */
  get frame(): Buffer {
    return this.latestFrame;
  }

  /** The analysis of the frame pushed last (level, spectrum), for detectors that would otherwise make their own. */
  get features(): Readonly<FrameFeatures> {
    return this.gate.detector.classifier.latestFeatures;
  }

  /** The hold detector's line classifier, fed every frame: other detectors of the same line can read it. */
  get classifier(): LineClassifier {
    return this.gate.detector.classifier;
  }

  /** `callMs`: the frame's time in the call. Returns the payloads to send to the model now, and any change. */
  push(payload: string, callMs: number): { forward: string[]; event: HoldEvent | null } {
    const frame = Buffer.from(payload, 'base64');
    this.latestFrame = frame;
    if (this.off) {
      // Hold detection has stopped, but the analysis other detectors read goes on, frame by frame.
      this.gate.detector.classifier.analyzeOnly(frame);
      this.sentFrames++;
      return { forward: [payload], event: null };
    }
    const { forward, event } = this.gate.push(frame, callMs);
    if (forward.length === 0) this.heldFrames++;
    this.sentFrames += forward.length;
    // The usual case (live line, one frame through) reuses the payload instead of encoding it again.
    return { forward: forward.length === 1 && !event ? [payload] : forward.map((frame) => frame.toString('base64')), event };
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
