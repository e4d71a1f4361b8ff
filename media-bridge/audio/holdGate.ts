import { FRAME_BYTES, FRAME_MS } from '../../common/audio/mulaw.js';
import { HoldDetector, type HoldDetectorOptions, type HoldEvent } from './holdDetector.js';

export interface GatedFrames {
  /** Audio for the voice AI now: nothing on hold, this frame otherwise, and when a person comes on, their words from the start. */
  forward: Buffer[];
  event: HoldEvent | null;
}

/** Longer than the detector ever takes to notice a person (about 1.5 s at worst), with room to spare. */
const KEPT_MS = 4000;
const KEPT_FRAMES = KEPT_MS / FRAME_MS;

/**
 * The hold detector as a gate on the caller's audio: frames pass while the call is live, stop while
 * it is on hold, and when a person comes on, what they said since they started is released at once,
 * so the voice AI hears the greeting it would otherwise have missed.
 */
export class HoldGate {
  readonly detector: HoldDetector;
  /**
   * The latest frames heard on hold, copied into a ring (callers often reuse their frame buffers),
   * made on the first hold and reused: minutes of hold allocate nothing a frame.
   */
  private kept: { audio: Uint8Array; atMs: Float64Array } | null = null;
  private keptCount = 0;
  /** Ring slot of the oldest kept frame. */
  private keptOldest = 0;

  constructor(options: HoldDetectorOptions = {}) {
    this.detector = new HoldDetector(options);
  }

  /** `nowMs`: the call time at which this frame starts. */
  push(frame: Buffer, nowMs: number): GatedFrames {
    const event = this.detector.push(frame, nowMs);
    if (event?.type === 'human-reached') {
      const forward = this.keptSince(event.onsetMs);
      this.keptCount = 0;
      forward.push(frame);
      return { forward, event };
    }
    if (!this.detector.onHold) {
      this.keptCount = 0;
      return { forward: [frame], event };
    }
    this.keep(frame, nowMs);
    return { forward: [], event };
  }

  private keep(frame: Buffer, nowMs: number): void {
    this.kept ??= { audio: new Uint8Array(KEPT_FRAMES * FRAME_BYTES), atMs: new Float64Array(KEPT_FRAMES) };
    let slot: number;
    if (this.keptCount < KEPT_FRAMES) {
      slot = (this.keptOldest + this.keptCount++) % KEPT_FRAMES;
    } else {
      slot = this.keptOldest;
      this.keptOldest = (slot + 1) % KEPT_FRAMES;
    }
    this.kept.audio.set(frame, slot * FRAME_BYTES);
    this.kept.atMs[slot] = nowMs;
  }

  /** Copies of the kept frames that began at or after `onsetMs`, oldest first. */
  private keptSince(onsetMs: number): Buffer[] {
    const forward: Buffer[] = [];
    const { kept } = this;
    if (kept === null) return forward;
    for (let n = 0; n < this.keptCount; n++) {
      const slot = (this.keptOldest + n) % KEPT_FRAMES;
      if (kept.atMs[slot] >= onsetMs) forward.push(Buffer.from(kept.audio.subarray(slot * FRAME_BYTES, (slot + 1) * FRAME_BYTES)));
    }
    return forward;
  }
}
