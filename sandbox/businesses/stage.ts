import { FRAME_MS } from '../../common/audio/mulaw.js';
import type { AnsweringScript, DigitArrival } from './businessScript.js';
import type { CallRecorder } from './callRecord.js';

/** What the caller did in one 20 ms frame, as the business perceives it. */
export interface CallerInput {
  /** A turn the caller just finished: its recognized text, or null when the speech was not recognized. */
  turn: { text: string | null } | null;
  /** A key press the current stage accepts. */
  digit: string | null;
  /** The caller is talking right now. */
  callerSpeaking: boolean;
}

/** One part of a call (a menu, a hold queue, an agent, a voicemail box), driven frame by frame. */
export interface Stage {
  /** Which key presses count while this stage runs; stages without it take no keys. */
  readonly digits?: DigitArrival;
  tick(input: CallerInput): void;
  /** What the line carries while the business says nothing (hold music); silence without it. */
  idleFrame?(): Buffer;
  /** The caller hung up while this stage ran. */
  callerHungUp?(): void;
}

/** What stages use of the call they run in. */
export interface StageHost {
  readonly script: AnsweringScript;
  readonly record: CallRecorder;
  /** Frames since pickup. */
  readonly frame: number;
  /** The business is saying something, or has something queued to say. */
  readonly speaking: boolean;
  /** Queues lines (templates with {facts}) in a voice. */
  say(lines: readonly string[], voice: string): void;
  /** Queues raw audio (a beep). */
  play(audio: Buffer): void;
  /** Stops talking at once: the caller pressed a key over a prompt. */
  stopSpeaking(): void;
  /** Moves the call on: a menu or department id, `voicemail` or `hang-up`. */
  goTo(place: string): void;
  /** A reproducible random stream for this call and purpose. */
  random(purpose: string): () => number;
}

export const frames = (ms: number) => Math.max(1, Math.round(ms / FRAME_MS));
