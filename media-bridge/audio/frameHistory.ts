import type { FrameFeatures } from './frameAnalyzer.js';

/** Flux below this (dB) means the spectrum held still for 20 ms: a sustained note or tone. */
export const STEADY_FLUX_DB = 1.5;
/** A frame is part of a ringback tone when 440+480 Hz carry this share of its energy. */
const RINGBACK_SHARE = 0.7;

/**
 * The last few seconds of per-frame facts, addressed by FrameFeatures.index, for judging stretches
 * of audio after the fact (typed-array ring, no allocation per frame).
 */
export class FrameHistory {
  readonly capacity: number;
  readonly levelDbfs: Float32Array;
  readonly fluxDb: Float32Array;
  readonly flatness: Float32Array;
  readonly ringback: Uint8Array;
  readonly repeated: Uint8Array;
  private newest = 0;

  constructor(capacity = 256) {
    this.capacity = capacity;
    this.levelDbfs = new Float32Array(capacity);
    this.fluxDb = new Float32Array(capacity);
    this.flatness = new Float32Array(capacity);
    this.ringback = new Uint8Array(capacity);
    this.repeated = new Uint8Array(capacity);
  }

  /** Index of the latest frame recorded (0 before any). */
  get latest(): number {
    return this.newest;
  }

  /** Index of the oldest frame still held. */
  get oldest(): number {
    return Math.max(1, this.newest - this.capacity + 1);
  }

  record(features: FrameFeatures, repeated: boolean): void {
    const slot = features.index % this.capacity;
    this.newest = features.index;
    this.levelDbfs[slot] = features.levelDbfs;
    this.fluxDb[slot] = features.fluxDb;
    this.flatness[slot] = features.flatness;
    this.ringback[slot] = features.ringbackShare >= RINGBACK_SHARE ? 1 : 0;
    this.repeated[slot] = repeated ? 1 : 0;
  }

  /** Marks frames from `from` to the latest as repeated (a repeat is confirmed a little after it starts). */
  markRepeatedSince(from: number): void {
    for (let index = Math.max(from, this.oldest); index <= this.newest; index++) this.repeated[index % this.capacity] = 1;
  }

  slot(index: number): number {
    return index % this.capacity;
  }
}
