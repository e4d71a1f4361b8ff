import type { LineClassifier } from '../audio/lineClassifier.js';

/** Lags this close (60 ms) are one replay drifting against the 20 ms frame grid. */
const SAME_LAG_FRAMES = 3;
/** Breaks in a match up to this long (300 ms: a pause, a word matched loosely) do not end a replay. */
const MAX_BREAK_FRAMES = 15;
/**
 * How far back a newly confirmed repeat really began: the tracker confirms a fresh match over its
 * last 30 frames (and dates `repeatingSince` there), but a match resumed after a break over 10.
 */
const CONFIRM_FRAMES = 30;
const RESUME_FRAMES = 10;

interface Replay {
  lag: number;
  runFrom: number;
  lastAt: number;
}

/**
 * Follows audio after a key press that replays audio from before it, and measures the longest
 * unbroken replay at one lag. A menu starting over replays its prompt at one lag for as long as it
 * plays; a new prompt that reuses phrases ("..., press 2. To ...") matches in short runs.
 */
export class ReplayTally {
  private readonly replays: Replay[] = [];
  private longest = 0;

  /** `pressFrame`: index of the last frame heard before the press. */
  constructor(private readonly pressFrame: number) {}

  /** Call after each frame was pushed into the classifier; returns the longest replay so far, in frames. */
  update(classifier: LineClassifier): number {
    const index = classifier.latestFeatures.index;
    const original = classifier.repeatingOriginal;
    if (!classifier.repeating || original > this.pressFrame) return this.longest;
    const lag = index - original;
    let replay = this.replays.find((candidate) => Math.abs(candidate.lag - lag) <= SAME_LAG_FRAMES);
    if (!replay) {
      replay = { lag, runFrom: index, lastAt: -Infinity };
      this.replays.push(replay);
    }
    if (replay.lastAt !== index - 1) {
      const since = classifier.repeatingSince;
      const matchedFrom = Math.max(since > index - CONFIRM_FRAMES ? since : index - RESUME_FRAMES + 1, this.pressFrame + 1);
      if (replay.lastAt < matchedFrom - MAX_BREAK_FRAMES) replay.runFrom = matchedFrom;
    }
    replay.lastAt = index;
    replay.lag = lag;
    this.longest = Math.max(this.longest, index - replay.runFrom + 1);
    return this.longest;
  }
}
