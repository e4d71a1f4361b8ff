import { decodeSample } from '../../common/audio/mulaw.js';
import { findAnchors, WINDOW_BYTES } from './fingerprint.js';
import { wordsBetween, wordTimeline, type WordTimeline } from './heardWords.js';
import { PostingTable } from './postingTable.js';

export interface RecognizedUtterance {
  text: string;
  heardText: string;
  /** Fraction (0..1) of the utterance's speech present in the audio (its silent edges do not count). */
  coverage: number;
  /** Where the heard part lies in the recognized audio, end exclusive. */
  startByte: number;
  endByte: number;
}

export interface Recognition {
  text: string;
  /** Fraction of the speech in the audio that registered utterances account for. */
  confidence: number;
  utterances: RecognizedUtterance[];
}

interface Utterance {
  text: string;
  timeline: WordTimeline;
  length: number;
  /** The audible part of the utterance, as byte offsets (end exclusive). */
  speechFrom: number;
  speechTo: number;
  checksum: number;
  /** Offsets of this utterance's indexed anchors, ascending. */
  anchorOffsets: Int32Array;
}

/** A hypothesis "utterance `owner` starts at byte `shift` of the audio", with its evidence. */
interface Candidate {
  owner: number;
  shift: number;
  votes: number;
  firstOffset: number;
  lastOffset: number;
}

/** Fewer agreeing anchors than this (about 50 ms of speech) is chance, not a match. */
const MIN_VOTES = 4;
/** Share of an utterance's anchors inside the matched stretch that must agree. */
const MIN_DENSITY = 0.6;
// Candidate keys pack (owner, shift) into one number; shifts stay within +-2^24 bytes (35 min).
const SHIFT_RANGE = 2 ** 25;
const SHIFT_BIAS = 2 ** 24;
/** Samples at least this loud (about -54 dBFS) are audible speech rather than silence. */
const AUDIBLE_MAGNITUDE = 64;

/**
 * Recognizes registered utterances inside arbitrary mu-law audio by exact content fingerprints:
 * the sandbox forwards audio bytes unchanged, so a heard utterance contains the very anchors it
 * was registered with, at a constant shift. Only anchors are kept, never the audio.
 */
export class UtteranceIndex {
  private readonly utterances: Utterance[] = [];
  private readonly postings = new PostingTable();
  private readonly byText = new Map<string, number[]>();

  get size(): number {
    return this.utterances.length;
  }

  register(text: string, audio: Buffer): void {
    const checksum = fnv1a(audio);
    const sameText = this.byText.get(text) ?? [];
    if (sameText.some((id) => this.utterances[id].checksum === checksum && this.utterances[id].length === audio.length)) {
      return;
    }
    const id = this.utterances.length;
    const { hashes, positions } = findAnchors(audio);
    const seen = new Map<number, number>();
    for (const hash of hashes) seen.set(hash, (seen.get(hash) ?? 0) + 1);
    // A window repeated within one utterance cannot tell its occurrences apart: leave it out.
    const offsets: number[] = [];
    for (let i = 0; i < hashes.length; i++) {
      if (seen.get(hashes[i]) !== 1) continue;
      this.postings.add(hashes[i], id, positions[i]);
      offsets.push(positions[i]);
    }
    this.utterances.push({
      text,
      timeline: wordTimeline(text),
      length: audio.length,
      ...audibleSpan(audio),
      checksum,
      anchorOffsets: Int32Array.from(offsets),
    });
    sameText.push(id);
    this.byText.set(text, sameText);
  }

  recognize(audio: Buffer): Recognition | null {
    const { hashes, positions } = findAnchors(audio);
    if (hashes.length === 0) return null;
    const candidates = new Map<number, Candidate>();
    for (let i = 0; i < hashes.length; i++) {
      const position = positions[i];
      this.postings.forEach(hashes[i], (owner, offset) => {
        const shift = position - offset;
        const key = owner * SHIFT_RANGE + shift + SHIFT_BIAS;
        const candidate = candidates.get(key);
        if (candidate) {
          candidate.votes++;
          candidate.lastOffset = offset;
        } else {
          candidates.set(key, { owner, shift, votes: 1, firstOffset: offset, lastOffset: offset });
        }
      });
    }
    const accepted = this.selectNonOverlapping([...candidates.values()]);
    if (accepted.length === 0) return null;
    const utterances = accepted
      .map((candidate) => this.describe(candidate, audio.length))
      .sort((a, b) => a.startByte - b.startByte);
    const explained = positions.filter((position) =>
      utterances.some((u) => position >= u.startByte && position + WINDOW_BYTES <= u.endByte),
    ).length;
    return {
      text: utterances
        .map((u) => u.heardText)
        .filter((heard) => heard.length > 0)
        .join(' '),
      confidence: Math.min(1, explained / hashes.length),
      utterances,
    };
  }

  /** Strongest hypotheses first; one that claims audio already explained is a look-alike. */
  private selectNonOverlapping(candidates: Candidate[]): Candidate[] {
    const plausible = candidates.filter((c) => c.votes >= MIN_VOTES && c.votes >= MIN_DENSITY * this.anchorsBetween(c));
    plausible.sort((a, b) => b.votes - a.votes || a.owner - b.owner || a.shift - b.shift);
    const accepted: Candidate[] = [];
    for (const candidate of plausible) {
      const start = candidate.shift + candidate.firstOffset;
      const end = candidate.shift + candidate.lastOffset + WINDOW_BYTES;
      const overlaps = accepted.some((other) => {
        return start < other.shift + other.lastOffset + WINDOW_BYTES && other.shift + other.firstOffset < end;
      });
      if (!overlaps) accepted.push(candidate);
    }
    return accepted;
  }

  private anchorsBetween({ owner, firstOffset, lastOffset }: Candidate): number {
    const offsets = this.utterances[owner].anchorOffsets;
    return lowerBound(offsets, lastOffset + 1) - lowerBound(offsets, firstOffset);
  }

  /**
   * Anchors only bound the heard stretch to within a few milliseconds, except where the audio
   * itself begins or ends inside the utterance: there the cut is known to the byte.
   */
  private describe(candidate: Candidate, audioLength: number): RecognizedUtterance {
    const utterance = this.utterances[candidate.owner];
    const offsets = utterance.anchorOffsets;
    const lower = Math.max(0, -candidate.shift);
    const upper = Math.min(utterance.length, audioLength - candidate.shift);
    const firstPresent = offsets[lowerBound(offsets, lower)];
    const lastPresent = offsets[lowerBound(offsets, upper - WINDOW_BYTES + 1) - 1];
    const from = candidate.firstOffset === firstPresent ? lower : candidate.firstOffset;
    const to = candidate.lastOffset === lastPresent ? upper : candidate.lastOffset + WINDOW_BYTES;
    // Coverage and word positions are measured over the speech, not the silent edges. Past the
    // first and last anchors there is only the speech's faint onset and decay, which a turn
    // detector may clip: having those anchors counts as having the whole edge.
    const { speechFrom, speechTo } = utterance;
    const speechLength = speechTo - speechFrom;
    const heardFrom = candidate.firstOffset === offsets[0] ? 0 : clamp(from - speechFrom, 0, speechLength);
    const heardTo = candidate.lastOffset === offsets[offsets.length - 1] ? speechLength : clamp(to - speechFrom, 0, speechLength);
    const coverage = Math.max(0, heardTo - heardFrom) / speechLength;
    return {
      text: utterance.text,
      heardText:
        coverage === 1
          ? utterance.timeline.words.join(' ')
          : wordsBetween(utterance.timeline, heardFrom / speechLength, heardTo / speechLength),
      coverage,
      startByte: candidate.shift + from,
      endByte: candidate.shift + to,
    };
  }
}

/** The process-wide index: everything the sandbox synthesizes is registered here. */
export const utteranceIndex = new UtteranceIndex();

function audibleSpan(audio: Buffer): { speechFrom: number; speechTo: number } {
  let from = 0;
  while (from < audio.length && Math.abs(decodeSample(audio[from])) < AUDIBLE_MAGNITUDE) from++;
  let to = audio.length;
  while (to > from && Math.abs(decodeSample(audio[to - 1])) < AUDIBLE_MAGNITUDE) to--;
  return { speechFrom: from, speechTo: to };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** First index whose value is >= target. */
function lowerBound(sorted: Int32Array, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash >>> 0;
}
