import { FRAME_MS } from '../../common/audio/mulaw.js';
import { LineClassifier, type LineSecond } from './lineClassifier.js';
import { LiveSpeechWatch } from './liveSpeechWatch.js';

export type HoldEvent =
  | { type: 'hold-started'; atMs: number }
  /** onsetMs: where the live speech began, so the bridge can replay the caller's words from there. */
  | { type: 'human-reached'; atMs: number; onsetMs: number };

export interface HoldDetectorOptions {
  /** Seconds of music, ringback or announcements (or silence, after holdHinted()) that mean hold. */
  holdAfterSeconds?: number;
}

/** Announcements alone (say, a repeated IVR menu) mean hold only near music or ringback. */
const ANNOUNCEMENT_CONTEXT_MS = 60_000;

/**
 * Tells when the call is on hold (music, ringback, recorded announcements, or silence after
 * "please hold") and when a live person comes on, so the bridge can stop paying the voice AI to
 * listen to hold audio. Hold starts after a few seconds of hold audio, judged a second at a time;
 * it ends as soon as a stretch of live speech is clear, within about a second of its start.
 * Speech that replays an earlier clip (the "your call is important" loop, the prefix of a queue
 * position message) is not live; neither is a voice sung over music, which never pauses fully.
 */
export class HoldDetector {
  readonly classifier = new LineClassifier();
  private readonly holdAfterSeconds: number;
  private holding = false;
  private hinted = false;
  private holdSeconds = 0;
  private lastMusicOrRingbackMs = -Infinity;
  private latestSecond: LineSecond | null = null;
  private readonly liveSpeech = new LiveSpeechWatch(this.classifier);

  constructor(options: HoldDetectorOptions = {}) {
    const seconds = options.holdAfterSeconds ?? 2;
    if (!Number.isInteger(seconds) || seconds < 1) throw new RangeError('HoldDetector: holdAfterSeconds must be a whole number of seconds, at least 1');
    this.holdAfterSeconds = seconds;
  }

  get onHold(): boolean {
    return this.holding;
  }

  /** Whether the frame pushed last should reach the voice AI: nothing does while on hold. */
  get forwarding(): boolean {
    return !this.holding;
  }

  /** What the line carried over the last whole second. */
  get lastSecond(): LineSecond | null {
    return this.latestSecond;
  }

  /** The far end said it is putting us on hold: silence from now on counts as hold too. */
  holdHinted(): void {
    this.hinted = true;
  }

  /** `nowMs`: the call time at which this frame starts. */
  push(frame: Uint8Array, nowMs: number): HoldEvent | null {
    const second = this.classifier.push(frame);
    if (this.holding) {
      const onset = this.liveSpeech.update();
      if (onset >= 0) {
        this.leaveHold();
        const onsetMs = nowMs - (this.classifier.latestFeatures.index - onset) * FRAME_MS;
        return { type: 'human-reached', atMs: nowMs, onsetMs };
      }
    }
    if (second === null) return null;
    this.latestSecond = second;
    if (!this.holding && this.countsTowardsHold(second, nowMs) && ++this.holdSeconds >= this.holdAfterSeconds) {
      this.holding = true;
      this.liveSpeech.start();
      return { type: 'hold-started', atMs: nowMs };
    }
    return null;
  }

  private countsTowardsHold(second: LineSecond, nowMs: number): boolean {
    switch (second.kind) {
      case 'music':
      case 'ringback':
        this.lastMusicOrRingbackMs = nowMs;
        return true;
      case 'announcement':
        return this.hinted || nowMs - this.lastMusicOrRingbackMs <= ANNOUNCEMENT_CONTEXT_MS;
      case 'silence':
        return this.hinted;
      case 'speech':
        this.holdSeconds = 0;
        return false;
    }
  }

  private leaveHold(): void {
    // Announcements alone must not put the call straight back on hold: a first-time recording
    // mistaken for a person plays on as "announcement" seconds once its words recur.
    this.lastMusicOrRingbackMs = -Infinity;
    this.holding = false;
    this.hinted = false;
    this.holdSeconds = 0;
    this.liveSpeech.reset();
  }
}

