import { FRAME_MS } from '../../common/audio/mulaw.js';
import { FrameAnalyzer, type FrameFeatures } from './frameAnalyzer.js';

export interface BeepEvent {
  type: 'beep';
  /** When the beep ended: the recorder is listening from here. */
  atMs: number;
  frequencyHz: number;
  durationMs: number;
}

const MIN_HZ = 400;
const MAX_HZ = 2000;
const MIN_FRAMES = 150 / FRAME_MS;
const MAX_FRAMES = 1500 / FRAME_MS;
/** Quieter than this is no beep a recorder would play (they run near -10 to -20 dBFS). */
const MIN_LEVEL_DBFS = -40;
/** Share of the spectrum a single pure tone fills; a voice's strongest harmonic rarely gets there. */
const MIN_PEAK_SHARE = 0.9;
/** A beep holds its pitch exactly (a sung note wavers by 1-2 %): every frame within this distance of the first. */
const MAX_DRIFT_HZ = 8;
/** ...and its level (a plucked note in music decays). Edge frames, half ramp, are not counted. */
const MAX_LEVEL_SWING_DB = 4;
/** After a beep the recorder listens: within two frames the line falls this far below the tone. */
const OFFSET_DROP_DB = 10;
const OFFSET_FRAMES = 2;

/**
 * Hears the beep of an answering machine or voicemail: one steady pure tone of 400-2000 Hz lasting
 * 150-1500 ms with a clear start and end. Not DTMF (two tones), not ringback (two tones, 2 s),
 * not speech (its harmonics never fill the spectrum alone, and glide).
 */
export class BeepDetector {
  /** Made on first use: a bridge that shares one analysis (pushFeatures) never needs one. */
  private analyzer: FrameAnalyzer | null = null;
  private runFrames = 0;
  private runStartHz = 0;
  private runHzSum = 0;
  private runLowDbfs = 0;
  private runHighDbfs = 0;
  private previousLevelDbfs = -120;
  /** The tone in progress began out of something that was no pure tone (a clear onset). */
  private runClean = false;
  private previousWasTone = false;
  /** A tone that ended and qualifies, waiting for the line to fall quiet after it. */
  private ended: (BeepEvent & { levelDbfs: number; framesLeft: number }) | null = null;

  push(frame: Uint8Array, nowMs: number): BeepEvent | null {
    this.analyzer ??= new FrameAnalyzer();
    return this.pushFeatures(this.analyzer.analyze(frame), nowMs);
  }

  /** For a bridge that already analysed the frame (one FrameAnalyzer shared by several detectors). */
  pushFeatures(features: Readonly<FrameFeatures>, nowMs: number): BeepEvent | null {
    const tone = isPureTone(features);
    let heard: BeepEvent | null = null;
    if (tone && this.runFrames > 0 && Math.abs(features.peakHz - this.runStartHz) <= MAX_DRIFT_HZ) {
      this.extendRun(features);
    } else {
      if (this.runFrames > 0) this.endRun(nowMs);
      if (tone) this.startRun(features);
    }
    if (this.ended !== null) heard = this.checkOffset(features.levelDbfs);
    this.previousWasTone = tone;
    return heard;
  }

  private startRun(features: Readonly<FrameFeatures>): void {
    this.runFrames = 1;
    this.runStartHz = features.peakHz;
    this.runHzSum = features.peakHz;
    this.runLowDbfs = Infinity;
    this.runHighDbfs = -Infinity;
    this.runClean = !this.previousWasTone;
    this.previousLevelDbfs = features.levelDbfs;
  }

  private extendRun(features: Readonly<FrameFeatures>): void {
    // The level is tracked one frame behind, so the last frame (the fade-out) never counts.
    if (this.runFrames > 1) {
      this.runLowDbfs = Math.min(this.runLowDbfs, this.previousLevelDbfs);
      this.runHighDbfs = Math.max(this.runHighDbfs, this.previousLevelDbfs);
    }
    this.previousLevelDbfs = features.levelDbfs;
    this.runFrames++;
    this.runHzSum += features.peakHz;
  }

  private endRun(nowMs: number): void {
    const frames = this.runFrames;
    this.runFrames = 0;
    const steady = this.runHighDbfs - this.runLowDbfs <= MAX_LEVEL_SWING_DB;
    if (!this.runClean || !steady || frames < MIN_FRAMES || frames > MAX_FRAMES) return;
    const levelDbfs = (this.runLowDbfs + this.runHighDbfs) / 2;
    const frequencyHz = Math.round(this.runHzSum / frames);
    this.ended = { type: 'beep', atMs: nowMs, frequencyHz, durationMs: frames * FRAME_MS, levelDbfs, framesLeft: OFFSET_FRAMES };
  }

  private checkOffset(levelDbfs: number): BeepEvent | null {
    const ended = this.ended;
    if (ended === null) return null;
    if (levelDbfs <= ended.levelDbfs - OFFSET_DROP_DB) {
      this.ended = null;
      return { type: ended.type, atMs: ended.atMs, frequencyHz: ended.frequencyHz, durationMs: ended.durationMs };
    }
    if (--ended.framesLeft === 0) this.ended = null;
    return null;
  }
}

function isPureTone(f: Readonly<FrameFeatures>): boolean {
  return f.levelDbfs >= MIN_LEVEL_DBFS && f.peakShare >= MIN_PEAK_SHARE && f.ringbackShare === 0 && f.peakHz >= MIN_HZ && f.peakHz <= MAX_HZ;
}
