import { FRAME_MS } from '../../common/audio/mulaw.js';
import { HoldDetector, type HoldDetectorOptions, type HoldEvent } from './holdDetector.js';

export interface GatedFrames {
  /** Audio for the voice AI now: nothing on hold, this frame otherwise, and when a person comes on, their words from the start. */
  forward: Buffer[];
  event: HoldEvent | null;
}

/** Longer than the detector ever takes to notice a person (about 1.5 s at worst), with room to spare. */
const KEPT_MS = 4000;

/**
 * The hold detector as a gate on the caller's audio: frames pass while the call is live, stop while
 * it is on hold, and when a person comes on, what they said since they started is released at once,
 * so the voice AI hears the greeting it would otherwise have missed.
 */
export class HoldGate {
  readonly detector: HoldDetector;
  private readonly kept: Array<{ frame: Buffer; atMs: number }> = [];

  constructor(options: HoldDetectorOptions = {}) {
    this.detector = new HoldDetector(options);
  }

  /** `nowMs`: the call time at which this frame starts. */
  push(frame: Buffer, nowMs: number): GatedFrames {
    const event = this.detector.push(frame, nowMs);
    if (event?.type === 'human-reached') {
      const forward = this.kept.filter((held) => held.atMs >= event.onsetMs).map((held) => held.frame);
      this.kept.length = 0;
      forward.push(frame);
      return { forward, event };
    }
    if (!this.detector.onHold) {
      this.kept.length = 0;
      return { forward: [frame], event };
    }
    // Callers often reuse their frame buffers, so the held frames are copies.
    this.kept.push({ frame: Buffer.from(frame), atMs: nowMs });
    while (this.kept.length > KEPT_MS / FRAME_MS) this.kept.shift();
    return { forward: [], event };
  }
}
