import { FRAME_MS, levelDbfs } from '../../common/audio/mulaw.js';
import { BeepDetector } from './beepDetector.js';
import type { HttpMethod } from './webhookRequest.js';

export type AnsweredBy = 'human' | 'machine_start' | 'machine_end_beep' | 'machine_end_silence' | 'machine_end_other' | 'fax' | 'unknown';

export interface MachineDetectionRequest {
  mode: 'Enable' | 'DetectMessageEnd';
  /** The call's TwiML runs at once and the verdict goes to `callback`; otherwise TwiML waits for it. */
  async: boolean;
  callback: { url: string; method: HttpMethod } | undefined;
  /** MachineDetectionTimeout: no verdict by then is `unknown`. */
  timeoutMs: number;
  /** Speech longer than this is a machine's greeting, shorter a person's hello. */
  speechThresholdMs: number;
  /** Silence that ends a greeting. */
  speechEndThresholdMs: number;
  /** No sound at all for this long after answer is `unknown`. */
  silenceTimeoutMs: number;
}

/** Who really picked up. The sandbox knows its lines, so its detector is never wrong about this. */
export type AnsweringParty = 'human' | 'machine' | 'unknown';

export interface MachineVerdict {
  answeredBy: AnsweredBy;
  /** MachineDetectionDuration: milliseconds from answer to the verdict. */
  durationMs: number;
}

/** Quieter frames are silence (espeak's quietest speech is about -54 dBFS; line noise sits below -60). */
const SOUND_DBFS = -58;

/**
 * Twilio's answering machine detection, timed the way Twilio's is: the called party's first speech is
 * measured against the speech threshold (a long greeting is a machine), a greeting ends with
 * `speechEndThresholdMs` of silence, and with DetectMessageEnd a machine is reported only once its
 * greeting is over: after its beep, or after silence. What answered comes from the sandbox's ground
 * truth rather than a classifier, so tests get the verdict a good detector would give.
 */
export class MachineDetector {
  private elapsedMs = 0;
  private speechStartMs: number | null = null;
  private lastSoundMs = 0;
  private beepEndedAtMs: number | null = null;
  private awaitingMessageEnd = false;
  private decided = false;
  private readonly beeps = new BeepDetector();

  constructor(
    private readonly request: Pick<MachineDetectionRequest, 'mode' | 'timeoutMs' | 'speechThresholdMs' | 'speechEndThresholdMs' | 'silenceTimeoutMs'>,
    private readonly party: AnsweringParty,
  ) {}

  /** Feeds the called party's next 20 ms; returns the verdict on the frame it is reached (only once). */
  push(frame: Uint8Array): MachineVerdict | null {
    if (this.decided) return null;
    this.elapsedMs += FRAME_MS;
    if (this.beeps.push(frame)) this.beepEndedAtMs = this.elapsedMs;
    if (levelDbfs(frame) > SOUND_DBFS) {
      this.speechStartMs ??= this.elapsedMs - FRAME_MS;
      this.lastSoundMs = this.elapsedMs;
    }
    const answeredBy = this.awaitingMessageEnd ? this.messageEnd() : this.firstImpression();
    if (answeredBy === null) return null;
    this.decided = true;
    return { answeredBy, durationMs: this.elapsedMs };
  }

  private firstImpression(): AnsweredBy | null {
    const { speechThresholdMs, speechEndThresholdMs, silenceTimeoutMs, timeoutMs } = this.request;
    if (this.speechStartMs === null) return this.elapsedMs >= silenceTimeoutMs || this.elapsedMs >= timeoutMs ? 'unknown' : null;
    const greetingOver = this.elapsedMs - this.lastSoundMs >= speechEndThresholdMs;
    const longSpeech = this.elapsedMs - this.speechStartMs >= speechThresholdMs;
    if (!greetingOver && !longSpeech) return this.elapsedMs >= timeoutMs ? 'unknown' : null;
    if (this.party === 'human') return 'human';
    if (this.party === 'unknown') return 'unknown';
    if (this.request.mode === 'Enable') return 'machine_start';
    this.awaitingMessageEnd = true;
    return this.messageEnd();
  }

  private messageEnd(): AnsweredBy | null {
    if (this.beepEndedAtMs !== null) return 'machine_end_beep';
    if (this.elapsedMs - this.lastSoundMs >= this.request.speechEndThresholdMs) return 'machine_end_silence';
    return this.elapsedMs >= this.request.timeoutMs ? 'machine_end_other' : null;
  }
}
