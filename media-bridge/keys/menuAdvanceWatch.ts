import { FRAME_MS } from '../../common/audio/mulaw.js';
import { LineClassifier, type LineSecond } from '../audio/lineClassifier.js';
import { hasWords, rejectsChoice, repeatsEarlierText, soundsLikePerson } from './menuReplyText.js';
import { ReplayTally } from './replayTally.js';

/** Why a press worked: new words, hold audio (music, ringback), or a person. */
export type AdvancedReason = 'new-prompt' | 'hold' | 'human';
/** Why it did not: the prompt started over, the menu rejected the choice, or nothing new came. */
export type NotAdvancedReason = 'prompt-repeated' | 'invalid-option' | 'no-response';

interface VerdictBase {
  digits: string;
  /** Call time the keys reached the far end. */
  pressedAtMs: number;
  /** Call time of the decision. */
  atMs: number;
  /** What gave it away, for logs and the transcript. */
  evidence: string;
}

export type MenuVerdict =
  | (VerdictBase & { type: 'advanced'; reason: AdvancedReason })
  | (VerdictBase & { type: 'not-advanced'; reason: NotAdvancedReason });

export interface MenuAdvanceWatchOptions {
  /** Nothing new for this long after a press means it was not taken. */
  noResponseMs?: number;
  /**
   * A classifier of the same line that someone else pushes every frame into first (the hold detector's);
   * the watch then reads it instead of analysing each frame a second time. Without one it keeps its own.
   */
  classifier?: LineClassifier;
}

/** Frames louder than this are sound; line noise sits near -60 dBFS. */
const SOUND_DBFS = -45;
/** Sound ending this close to the press was still playing when the keys went out. */
const STILL_PLAYING_FRAMES = 10;
/** A pause this long (500 ms) ends what was playing at the press; sound after it is new. */
const CONTINUATION_PAUSE_FRAMES = 25;
/**
 * Audio heard before the press, replayed unbroken at one lag for this long (2 s), is the menu starting
 * over. Menus reuse phrases ("For billing and payments, press 2" then "Billing and payments. To make a
 * payment, press 1") that one voice renders alike for up to ~1.5 s.
 */
const REPLAY_FRAMES = 100;
/** Seconds of music or ringback that mean hold (or a transfer ringing). */
const HOLD_SECONDS = 2;
/** A replay that has not grown for a second has ended: it was a phrase the new prompt shares with the old. */
const REPLAY_SETTLED_FRAMES = 50;
/** Sound this long (3.5 s) after the press, in a second that sounds like speech, is a new prompt. */
const NEW_SPEECH_FRAMES = 175;
/** A new utterance of at least 300 ms, then a 1.5 s pause (time for its transcript to arrive too), is a new prompt. */
const SHORT_UTTERANCE_FRAMES = 15;
const UTTERANCE_END_FRAMES = 75;
/** Transcript lines from this long before a press are the prompt it answered. */
const PROMPT_MEMORY_MS = 90_000;
const DEFAULT_NO_RESPONSE_MS = 8000;

interface Watch {
  digits: string;
  pressedAtMs: number;
  /** Classifier frame index of the last frame heard before the keys landed. */
  pressFrame: number;
  framesSince: number;
  replays: ReplayTally;
  longestReplay: number;
  /** framesSince when the longest replay last grew: a replay still growing may yet prove the prompt started over. */
  replayGrewAt: number;
  /** Sound that was playing at the press and has not paused since. */
  continuing: boolean;
  soundFrames: number;
  quietRun: number;
  holdSeconds: number;
  latestSecond: LineSecond | null;
}

/**
 * After keys are pressed, tells whether the phone menu moved on. Feed it every far-end frame and
 * transcript line of the call (before presses too: a prompt that starts over is recognized as audio
 * heard before), and each press once its keys have reached the far end. Within a few seconds of a
 * press it says `advanced` (new words, hold music or ringback, a person) or `not-advanced` (the
 * same prompt again, "that's not a valid option", or nothing new for ~8 s). One verdict per press.
 */
export class MenuAdvanceWatch {
  private readonly classifier: LineClassifier;
  private readonly ownsClassifier: boolean;
  private readonly noResponseFrames: number;
  private readonly lines: Array<{ text: string; startedAtMs: number }> = [];
  private watch: Watch | null = null;
  private lastSoundFrame = -Infinity;
  private latestMs = 0;

  constructor(options: MenuAdvanceWatchOptions = {}) {
    const ms = options.noResponseMs ?? DEFAULT_NO_RESPONSE_MS;
    if (!Number.isFinite(ms) || ms < 2000) throw new RangeError('MenuAdvanceWatch: noResponseMs must be at least 2000 ms');
    this.noResponseFrames = Math.round(ms / FRAME_MS);
    this.ownsClassifier = !options.classifier;
    this.classifier = options.classifier ?? new LineClassifier();
  }

  /** Whether a press is waiting for its verdict. */
  get watching(): boolean {
    return this.watch !== null;
  }

  /** The keys reached the far end at `callMs` (the REST press: when the new media stream starts). */
  pressed(digits: string, callMs: number): void {
    const pressFrame = this.classifier.latestFeatures.index;
    this.watch = {
      digits,
      pressedAtMs: callMs,
      pressFrame,
      framesSince: 0,
      replays: new ReplayTally(pressFrame),
      longestReplay: 0,
      replayGrewAt: 0,
      continuing: pressFrame - this.lastSoundFrame <= STILL_PLAYING_FRAMES,
      soundFrames: 0,
      quietRun: 0,
      holdSeconds: 0,
      latestSecond: null,
    };
  }

  /** Stops watching without a verdict (the call moved on some other way). */
  cancel(): void {
    this.watch = null;
  }

  /** One 20 ms mu-law frame from the far end, starting at `callMs` (already pushed into a shared classifier). */
  heard(frame: Uint8Array, callMs: number): MenuVerdict | null {
    this.latestMs = callMs;
    const second = this.ownsClassifier ? this.classifier.push(frame) : this.classifier.secondJustEnded;
    const index = this.classifier.latestFeatures.index;
    const sound = this.classifier.latestFeatures.levelDbfs >= SOUND_DBFS;
    if (sound) this.lastSoundFrame = index;
    const watch = this.watch;
    if (!watch) return null;
    watch.framesSince++;
    this.follow(watch, sound, second);
    return this.judgeAudio(watch);
  }

  /**
   * A transcript line of the far end; `startedAtMs` is the call time its speech began. Lines begun
   * before the press (a prompt cut short by the keys, transcribed late) are the prompt it answered.
   */
  farEndSaid(text: string, startedAtMs: number): MenuVerdict | null {
    const watch = this.watch;
    const prompt = watch ? this.linesBetween(watch.pressedAtMs - PROMPT_MEMORY_MS, watch.pressedAtMs) : [];
    this.remember(text, startedAtMs);
    if (!watch || startedAtMs < watch.pressedAtMs || !hasWords(text)) return null;
    const quoted = `"${text.trim()}"`;
    if (rejectsChoice(text)) return this.verdict('not-advanced', 'invalid-option', `the menu said ${quoted}`);
    if (repeatsEarlierText(text, prompt)) return this.verdict('not-advanced', 'prompt-repeated', `the menu said again ${quoted}`);
    if (soundsLikePerson(text)) return this.verdict('advanced', 'human', `a person said ${quoted}`);
    return this.verdict('advanced', 'new-prompt', `the menu went on: ${quoted}`);
  }

  private linesBetween(fromMs: number, toMs: number): string[] {
    return this.lines.filter((line) => line.startedAtMs >= fromMs && line.startedAtMs < toMs).map((line) => line.text);
  }

  private remember(text: string, startedAtMs: number): void {
    this.lines.push({ text, startedAtMs });
    while (this.lines.length > 0 && this.lines[0].startedAtMs < startedAtMs - PROMPT_MEMORY_MS) this.lines.shift();
  }

  private follow(watch: Watch, sound: boolean, second: LineSecond | null): void {
    watch.quietRun = sound ? 0 : watch.quietRun + 1;
    if (watch.continuing && watch.quietRun >= CONTINUATION_PAUSE_FRAMES) watch.continuing = false;
    const longest = watch.replays.update(this.classifier);
    if (longest > watch.longestReplay) watch.replayGrewAt = watch.framesSince;
    watch.longestReplay = longest;
    if (sound && !watch.continuing) watch.soundFrames++;
    // Only seconds heard mostly after the press say anything about it.
    if (second && watch.framesSince >= 25) {
      watch.latestSecond = second;
      if (second.kind === 'music' || second.kind === 'ringback') watch.holdSeconds++;
    }
  }

  private judgeAudio(watch: Watch): MenuVerdict | null {
    if (watch.longestReplay >= REPLAY_FRAMES) {
      return this.verdict('not-advanced', 'prompt-repeated', `audio heard before the press played again (${watch.longestReplay * FRAME_MS} ms of it)`);
    }
    if (watch.holdSeconds >= HOLD_SECONDS) {
      const kind = watch.latestSecond?.kind === 'ringback' ? 'ringback' : 'hold music';
      return this.verdict('advanced', 'hold', `${kind} after the press`);
    }
    const replayGrowing = watch.framesSince - watch.replayGrewAt < REPLAY_SETTLED_FRAMES;
    if (watch.soundFrames >= NEW_SPEECH_FRAMES && isVoice(watch.latestSecond) && !replayGrowing) {
      return this.verdict('advanced', 'new-prompt', `${watch.soundFrames * FRAME_MS} ms of new speech`);
    }
    if (watch.soundFrames >= SHORT_UTTERANCE_FRAMES && watch.quietRun >= UTTERANCE_END_FRAMES) {
      return this.verdict('advanced', 'new-prompt', `a new utterance (${watch.soundFrames * FRAME_MS} ms), then a pause`);
    }
    if (watch.framesSince >= this.noResponseFrames) {
      return this.verdict('not-advanced', 'no-response', `nothing new in ${(watch.framesSince * FRAME_MS) / 1000} s after the press`);
    }
    return null;
  }

  private verdict<T extends MenuVerdict['type']>(
    type: T,
    reason: Extract<MenuVerdict, { type: T }>['reason'],
    evidence: string,
  ): MenuVerdict {
    const watch = this.watch!;
    this.watch = null;
    return { type, reason, digits: watch.digits, pressedAtMs: watch.pressedAtMs, atMs: this.latestMs, evidence } as MenuVerdict;
  }
}

/** A second of speech, new or replayed: not music, ringback or silence. */
function isVoice(second: LineSecond | null): boolean {
  return second?.kind === 'speech' || second?.kind === 'announcement';
}
