import type { Logger } from '../../common/logger.js';
import type { Telephony } from '../../telephony/telephony.js';
import type { LineClassifier } from '../audio/lineClassifier.js';
import type { CarrierStream } from '../carrierStream.js';
import { playDigitsTwiml } from '../../telephony/twiml.js';
import { inBandKeys } from './inBandKeys.js';
import { KeyRetryPolicy } from './keyRetryPolicy.js';
import { MenuAdvanceWatch, type MenuVerdict } from './menuAdvanceWatch.js';

export interface KeypadDeps {
  telephony: Telephony;
  callSid: string;
  /** Our TwiML webhook for the call: after keys are played the carrier is redirected back to it. */
  voiceUrl: string;
  /** The hold detector's classifier of the far end, which the menu watch reads instead of its own. */
  lineClassifier: LineClassifier;
  /** `carrier`: `<Play digits>` by REST; `in-band`: DTMF tones in the call's own audio. */
  mode: 'carrier' | 'in-band';
  /** False while keys must not be sent (the call is in a conference: a redirect would pull it out). */
  canPress(): boolean;
  /** The live media stream (null between streams). */
  stream(): CarrierStream | null;
  /** Adds a note to the model's conversation; `respond` lets it speak about it. */
  tellModel(text: string, respond: boolean): void;
  /** Something worth keeping in the conversation history (e.g. "You pressed 1"). */
  remember(line: string): void;
  log: Logger;
}

const IN_BAND_MARK = 'keys-played';

/**
 * Presses keys for the model and makes sure they landed: after each press it watches the far end (new
 * prompt, hold or a person = advanced; the same prompt again, "invalid option" or nothing = not), presses
 * once more if they did not land, and after that tells the model to say the option instead.
 */
export class Keypad {
  private readonly watch: MenuAdvanceWatch;
  private readonly retry = new KeyRetryPolicy();
  /** Keys sent by REST whose new stream has not started yet: the watch starts when it does. */
  private keysInFlight: string | null = null;
  private inBandPlaying: string | null = null;

  constructor(private readonly deps: KeypadDeps) {
    this.watch = new MenuAdvanceWatch({ classifier: deps.lineClassifier });
  }

  /** The model asked for keys. False when they could not be sent. */
  async press(digits: string): Promise<boolean> {
    this.retry.modelPressed();
    const sent = await this.send(digits);
    if (sent) this.deps.remember(`You pressed ${digits}`);
    return sent;
  }

  /** A far-end frame at its time in the call, after the hold detector has classified it. */
  heard(frame: Uint8Array, callMs: number): void {
    this.act(this.watch.heard(frame, callMs));
  }

  /** A far-end line, transcribed, whose speech began at `startedAtMs` in the call. */
  farEndSaid(text: string, startedAtMs: number): void {
    this.act(this.watch.farEndSaid(text, startedAtMs));
  }

  /** A new media stream started: after a REST press, the keys have been played by now. */
  streamStarted(callMs: number): void {
    if (this.keysInFlight === null) return;
    this.watch.pressed(this.keysInFlight, callMs);
    this.keysInFlight = null;
  }

  /** A mark came back from the carrier; the in-band tones have played when theirs does. */
  markPlayed(name: string, callMs: number): void {
    if (name !== IN_BAND_MARK || this.inBandPlaying === null) return;
    this.watch.pressed(this.inBandPlaying, callMs);
    this.inBandPlaying = null;
  }

  private async send(digits: string): Promise<boolean> {
    if (!this.deps.canPress()) return false;
    if (this.deps.mode === 'in-band') return this.playTones(digits);
    // Media Streams cannot carry keys: the call is redirected to <Play digits> and back to our TwiML, which
    // opens a new stream that re-attaches to this call's session (the model session stays open meanwhile).
    const twiml = playDigitsTwiml(digits, this.deps.voiceUrl);
    try {
      this.keysInFlight = digits;
      await this.deps.telephony.updateCall(this.deps.callSid, twiml);
      return true;
    } catch (err) {
      this.keysInFlight = null;
      this.deps.log.warn('pressing keys failed', { digits, error: (err as Error).message });
      return false;
    }
  }

  private playTones(digits: string): boolean {
    const stream = this.deps.stream();
    if (!stream) return false;
    for (const payload of inBandKeys(digits).payloads) stream.sendAudio(payload);
    stream.sendMark(IN_BAND_MARK);
    this.inBandPlaying = digits;
    return true;
  }

  private act(verdict: MenuVerdict | null): void {
    if (!verdict) return;
    const step = this.retry.next(verdict);
    if (step.type === 'done') return;
    this.deps.log.info('keys did not land', { digits: verdict.digits, reason: verdict.type === 'not-advanced' ? verdict.reason : '', step: step.type });
    if (step.type === 'press-again') {
      this.deps.tellModel(step.note, false);
      void this.send(step.digits);
    } else {
      this.deps.tellModel(step.message, true);
    }
  }
}
