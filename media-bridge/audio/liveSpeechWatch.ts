import { STEADY_FLUX_DB } from './frameHistory.js';
import type { LineClassifier } from './lineClassifier.js';
import { emptySummary, SILENCE_DBFS, speechLikeness, summarize, voiceLikeness, type StretchSummary } from './stretchSummary.js';

/**
 * Sound that replays nothing needed before a stretch is judged (600 ms, pauses not counted):
 * enough for a replayed clip to be recognized first.
 */
const DECISION_LOUD_FRAMES = 30;
/** While the audio may yet prove a replay, the decision waits, up to this much sound (900 ms). */
const SUSPECT_WAIT_LOUD_FRAMES = 45;
/**
 * A short reply ("Hi.", at least 160 ms of sound) followed by half a second of silence is a
 * person waiting for an answer: judged then rather than after 600 ms of sound that may not come.
 */
const SHORT_REPLY_LOUD_FRAMES = 8;
const SHORT_REPLY_PAUSE_FRAMES = 25;
/** The longest stretch judged at once (1.5 s): older audio says little about now. */
const MAX_JUDGED_FRAMES = 75;
/** A pause this long (700 ms) ends a stretch; shorter ones fall between words or phrases. */
const MAX_PAUSE_FRAMES = 35;
/** Held notes: 6 steady frames in a row, or 7 of the last 10 (struck notes that decay). Speech never holds that still. */
const HELD_NOTE_RUN = 6;
const HELD_NOTE_RECENT = 7;
const RECENT_MASK = (1 << 10) - 1;
/** A replay that stops matching for less than this (200 ms) and matches again is the same replay. */
const REPLAY_GRACE_FRAMES = 10;
/** The last second of a replay is judged to tell a recorded voice from a music loop. */
const REPLAY_JUDGED_FRAMES = 50;
/**
 * Speech right after a replayed voice is taken for the rest of that recording (a queue-position
 * message replays its prefix, then says a new number) until a sentence break (300 ms) or for at
 * most 800 ms of sound. Only replays of 900 ms of sound or more, of something first heard once the
 * call was on hold, claim it: a synthetic agent voice can repeat a phrase ("thank you for") exactly as the
 * phone menu said it before the hold.
 */
const CLAIM_ENDING_PAUSE_FRAMES = 15;
/** A pause of 300 ms or more ends a phrase. */
const PHRASE_BREAK_FRAMES = 15;
const CLAIM_FRAMES = 40;
const MIN_CLAIMING_REPLAY_FRAMES = 45;

/**
 * Watches the line during hold for live speech: follows stretches of sound and says when one is
 * plainly a person talking, not music (held notes, a bed that never pauses), ringback, or a voice
 * that replays a recording heard earlier in the call.
 */
export class LiveSpeechWatch {
  private readonly classifier: LineClassifier;
  private readonly summary: StretchSummary = emptySummary();
  private steadyRun = 0;
  /** Bit i: whether the frame i frames ago was loud and steady. */
  private recentSteady = 0;
  private pauseFrames = 0;
  private stretchStart = -1;
  /** Loud frames in the stretch that replay nothing. */
  private stretchLoudFrames = 0;
  private replayOpen = false;
  private replayStart = -1;
  private replayLoudFrames = 0;
  private lastReplayed = -1;
  /** The replay repeats audio first heard on hold (not, say, the phone menu before it). */
  private replayOfHold = false;
  private firstHoldStart = -1;
  /** Loud frames still to be taken for the rest of a replayed recording. */
  private claim = 0;

  constructor(classifier: LineClassifier) {
    this.classifier = classifier;
  }

  /** The call just went on hold: replays of what was heard before the first hold are not hold recordings. */
  start(): void {
    if (this.firstHoldStart < 0) this.firstHoldStart = this.classifier.latestFeatures.index;
    this.reset();
  }

  reset(): void {
    this.stretchStart = -1;
    this.stretchLoudFrames = 0;
    this.replayOpen = false;
    this.claim = 0;
  }

  /** Call after each frame the classifier took. Returns the frame index where live speech began, once it is clear; else -1. */
  update(): number {
    const features = this.classifier.latestFeatures;
    const index = features.index;
    const loud = features.levelDbfs >= SILENCE_DBFS;
    const steady = loud && features.fluxDb < STEADY_FLUX_DB;
    this.steadyRun = steady ? this.steadyRun + 1 : 0;
    this.recentSteady = ((this.recentSteady << 1) | (steady ? 1 : 0)) & RECENT_MASK;
    this.pauseFrames = loud ? 0 : this.pauseFrames + 1;
    if (this.pauseFrames >= CLAIM_ENDING_PAUSE_FRAMES) this.claim = 0;
    if (this.pauseFrames >= MAX_PAUSE_FRAMES) this.stretchStart = -1;

    if (this.classifier.repeating) {
      this.followReplay(index, loud);
      return -1;
    }
    if (this.replayOpen) {
      if (index - this.lastReplayed < REPLAY_GRACE_FRAMES) return -1;
      this.closeReplay(index);
    }
    const heldNote = this.steadyRun >= HELD_NOTE_RUN || bitCount(this.recentSteady) >= HELD_NOTE_RECENT;
    if (features.ringbackShare > 0 || heldNote) {
      this.reset();
      return -1;
    }
    if (!loud) return this.pause(index);
    if (this.claim > 0) {
      this.claim--;
      return -1;
    }
    if (this.stretchStart < 0) {
      this.stretchStart = index;
      this.stretchLoudFrames = 0;
    }
    if (++this.stretchLoudFrames < DECISION_LOUD_FRAMES) return -1;
    if (this.classifier.suspectsRepeat && this.stretchLoudFrames < SUSPECT_WAIT_LOUD_FRAMES) return -1;
    return this.judge(index);
  }

  private pause(index: number): number {
    if (this.stretchStart < 0) return -1;
    // A phrase break: what came before it must have sounded like speech to go on counting (music
    // that stops for an announcement or a person must not lend them its sound).
    if (this.pauseFrames === PHRASE_BREAK_FRAMES && this.judge(index) < 0) this.stretchStart = -1;
    if (this.pauseFrames !== SHORT_REPLY_PAUSE_FRAMES || this.stretchStart < 0) return -1;
    const eligible = this.claim === 0 && this.stretchLoudFrames >= SHORT_REPLY_LOUD_FRAMES && !this.classifier.suspectsRepeat;
    return eligible ? this.judge(index) : -1;
  }

  /** The start of the stretch if its last 1.5 s sound like speech; else -1. */
  private judge(index: number): number {
    const from = Math.max(this.stretchStart, index - MAX_JUDGED_FRAMES + 1);
    return speechLikeness(summarize(this.classifier.history, from, index, this.summary)) > 0 ? from : -1;
  }

  private followReplay(index: number, loud: boolean): void {
    if (!this.replayOpen) {
      const since = this.classifier.repeatingSince;
      this.replayOpen = true;
      this.replayStart = since;
      this.replayOfHold = this.classifier.repeatingOriginal >= this.firstHoldStart;
      this.replayLoudFrames = this.loudFrames(since, index - 1);
      // The tracker recognizes a replay a little after it starts: those frames were never live.
      if (this.stretchStart >= 0) this.stretchLoudFrames = since > this.stretchStart ? this.loudFrames(this.stretchStart, since - 1) : 0;
    } else if (index - this.lastReplayed > 1) {
      this.replayLoudFrames += this.loudFrames(this.lastReplayed + 1, index - 1);
    }
    if (loud) this.replayLoudFrames++;
    this.lastReplayed = index;
  }

  /** The replay has stopped for good: decides what it means for the sound that follows. */
  private closeReplay(index: number): void {
    this.replayOpen = false;
    const from = Math.max(this.replayStart, this.lastReplayed - REPLAY_JUDGED_FRAMES + 1);
    const voice = voiceLikeness(summarize(this.classifier.history, from, this.lastReplayed, this.summary)) > 0;
    const soundSince = this.loudFrames(this.lastReplayed + 1, index - 1);
    if (!voice) {
      // A music loop that stopped: whatever sounded since may be someone who just came on.
      this.stretchStart = soundSince > 0 ? this.firstLoudFrame(this.lastReplayed + 1, index) : -1;
      this.stretchLoudFrames = soundSince;
    } else if (this.replayOfHold && this.replayLoudFrames >= MIN_CLAIMING_REPLAY_FRAMES) {
      this.stretchStart = -1;
      this.claim = this.pauseFrames >= CLAIM_ENDING_PAUSE_FRAMES ? 0 : Math.max(0, CLAIM_FRAMES - soundSince);
    } else {
      // A phrase a live synthetic voice shares with an earlier prompt: the live stretch began there.
      if (this.stretchStart < 0) {
        this.stretchStart = this.firstLoudFrame(this.replayStart, index);
        this.stretchLoudFrames = 0;
      }
      this.stretchLoudFrames += soundSince;
    }
  }

  private loudFrames(from: number, to: number): number {
    const { history } = this.classifier;
    let loud = 0;
    for (let i = Math.max(from, history.oldest); i <= to; i++) if (history.levelDbfs[history.slot(i)] >= SILENCE_DBFS) loud++;
    return loud;
  }

  private firstLoudFrame(from: number, to: number): number {
    const { history } = this.classifier;
    for (let i = Math.max(from, history.oldest); i < to; i++) if (history.levelDbfs[history.slot(i)] >= SILENCE_DBFS) return i;
    return to;
  }
}

function bitCount(bits: number): number {
  let count = 0;
  for (let v = bits; v !== 0; v &= v - 1) count++;
  return count;
}
