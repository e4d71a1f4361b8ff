import { FrameAnalyzer, type FrameFeatures } from './frameAnalyzer.js';
import { FrameHistory } from './frameHistory.js';
import { RepetitionTracker } from './repetitionTracker.js';
import { emptySummary, HISS_FLATNESS, HISS_MAX_SPREAD_DB, SILENCE_DBFS, speechLikeness, summarize, voiceLikeness, type StretchSummary } from './stretchSummary.js';

export type LineKind = 'speech' | 'music' | 'silence' | 'announcement' | 'ringback';

export interface LineSecond {
  kind: LineKind;
  /** 0.5 (a guess) .. 1 (clear-cut). */
  confidence: number;
  /** RMS level over the second, dBFS (-120 for digital silence). */
  levelDbfs: number;
}

const FRAMES_PER_SECOND = 50;
/** Ringback (US): 2 s of tone, then 4 s of silence that still belongs to it. */
const RINGBACK_OFF_FRAMES = 4.5 * FRAMES_PER_SECOND;
/** A second is ringback when this share of it carries the 440+480 Hz pair. */
const RINGBACK_SECOND_SHARE = 0.4;
/** How clearly voice-like a second without pauses must be to count as speech (a sung line over music reaches ~0.5). */
const CLEAR_VOICE_MARGIN = 0.6;
/** Repeated audio this share of a speech-like second makes it a recorded announcement. */
const ANNOUNCEMENT_REPEAT_SHARE = 0.3;

/**
 * Says, once a second, what the far end is sending: speech, music, silence, a recorded announcement
 * (speech heard before in this call) or ringback. Push consecutive 20 ms mu-law frames.
 */
export class LineClassifier {
  readonly history = new FrameHistory();
  private readonly analyzer = new FrameAnalyzer();
  private readonly repetition = new RepetitionTracker();
  private readonly summary: StretchSummary = emptySummary();
  private framesInSecond = 0;
  private energyInSecond = 0;
  private lastRingbackFrame = -Infinity;
  private wasRepeating = false;
  private pushed: LineSecond | null = null;

  /** The analysis of the frame pushed last, shared so that other detectors need not redo it. */
  get latestFeatures(): Readonly<FrameFeatures> {
    return this.analyzer.features;
  }

  /** Whether the frame pushed last replays audio heard earlier in the call. */
  get repeating(): boolean {
    return this.repetition.repeating;
  }

  /** Not yet a confirmed replay, but the audio so far matches something heard earlier. */
  get suspectsRepeat(): boolean {
    return this.repetition.suspectsRepeat;
  }

  /** Frame index where the audio being replayed now was first heard; -1 when not repeating. */
  get repeatingOriginal(): number {
    return this.repetition.repeating ? this.analyzer.features.index - this.repetition.lagFrames : -1;
  }

  /** Frame index where the current replay began to match; -1 when not repeating. */
  get repeatingSince(): number {
    return this.repetition.repeatingSince;
  }

  /** What the latest `push` returned: a second that just ended, or null. Lets others share this classifier. */
  get secondJustEnded(): LineSecond | null {
    return this.pushed;
  }

  /** Analyses a frame without classifying it: keeps `latestFeatures` going for others once classifying has stopped. */
  analyzeOnly(frame: Uint8Array): void {
    this.analyzer.analyze(frame);
    this.pushed = null;
  }

  push(frame: Uint8Array): LineSecond | null {
    this.pushed = this.classify(frame);
    return this.pushed;
  }

  private classify(frame: Uint8Array): LineSecond | null {
    const features = this.analyzer.analyze(frame);
    this.repetition.push(features);
    this.history.record(features, this.repetition.repeating);
    if (this.repetition.repeating && !this.wasRepeating) this.history.markRepeatedSince(this.repetition.repeatingSince);
    this.wasRepeating = this.repetition.repeating;
    this.energyInSecond += 10 ** (features.levelDbfs / 10);
    if (++this.framesInSecond < FRAMES_PER_SECOND) return null;
    const second = this.classifySecond(features.index);
    this.framesInSecond = 0;
    this.energyInSecond = 0;
    return second;
  }

  private classifySecond(latest: number): LineSecond {
    const s = summarize(this.history, latest - FRAMES_PER_SECOND + 1, latest, this.summary);
    const mean = this.energyInSecond / FRAMES_PER_SECOND;
    const levelDbfs = mean > 1e-12 ? 10 * Math.log10(mean) : -120;
    if (s.ringbackShare > 0) this.lastRingbackFrame = latest;
    if (s.ringbackShare >= RINGBACK_SECOND_SHARE) {
      return { kind: 'ringback', confidence: scaled(s.ringbackShare, RINGBACK_SECOND_SHARE, 0.8), levelDbfs };
    }
    if (s.peakDbfs < SILENCE_DBFS) {
      const inRingbackCadence = latest - this.lastRingbackFrame <= RINGBACK_OFF_FRAMES;
      const confidence = scaled(SILENCE_DBFS - s.peakDbfs, 0, 10);
      return { kind: inRingbackCadence ? 'ringback' : 'silence', confidence, levelDbfs };
    }
    // A second of continuous talk may hold no pause, but no music changes that fast and that often.
    const likeness = Math.max(speechLikeness(s), voiceLikeness(s) - CLEAR_VOICE_MARGIN);
    const speechLike = likeness > 0;
    if (!speechLike && s.meanFlatness >= HISS_FLATNESS && s.levelSpreadDb <= HISS_MAX_SPREAD_DB) {
      return { kind: 'silence', confidence: scaled(s.meanFlatness, HISS_FLATNESS, 0.7), levelDbfs };
    }
    if (s.repeatedShare >= ANNOUNCEMENT_REPEAT_SHARE && voiceLikeness(s) > 0) {
      return { kind: 'announcement', confidence: scaled(s.repeatedShare, ANNOUNCEMENT_REPEAT_SHARE, 0.8), levelDbfs };
    }
    return { kind: speechLike ? 'speech' : 'music', confidence: 0.5 + 0.5 * Math.abs(likeness), levelDbfs };
  }
}

/** Maps `value` from [from, to] onto confidence 0.5..1. */
function scaled(value: number, from: number, to: number): number {
  return 0.5 + 0.5 * Math.max(0, Math.min(1, (value - from) / (to - from)));
}
