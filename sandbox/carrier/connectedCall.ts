import { silence } from '../../common/audio/mulaw.js';
import { synthesize } from '../speech/synthesizer.js';
import type { BusinessLine } from '../businesses/business.js';
import type { ConferenceRegistry } from './conferenceRegistry.js';
import type { ConferenceMember, ConferenceRoom } from './conferenceRoom.js';
import type { ConferenceInstruction } from './dialVerb.js';
import { digitSteps } from './dtmfTones.js';
import type { FrameClock } from './frameClock.js';
import { MediaStreamClient } from './mediaStreamClient.js';
import { PlayoutQueue } from './playoutQueue.js';
import { runTwiml, type CallControl, type Notification, type StreamInstruction, type TwimlOutcome, type TwimlSource } from './twimlInterpreter.js';
import type { WebhookParams } from './webhookSigner.js';

export interface ConnectedCallOptions {
  callSid: string;
  accountSid: string;
  authToken: string;
  clock: FrameClock;
  line: BusinessLine;
  conferences: ConferenceRegistry;
  newStreamSid(): string;
  /** Every frame each way, for the recording and answering machine detection. */
  onFrame?(fromParty: Buffer, toParty: Buffer): void;
  requestParams(): WebhookParams;
  notify(notification: Notification): void;
}

/** The synthesizer's voice for a `<Say language>`; everything not Spanish uses the default English voice. */
function voiceFor(language: string | undefined): string | undefined {
  return language?.toLowerCase().startsWith('es') ? 'es' : undefined;
}

/**
 * An answered call's audio path and TwiML control. Every frame clock tick moves 20 ms each way: the
 * caller side (TwiML audio, the application's stream, or a conference's mix) is played to the called
 * party, and the called party's audio goes up the media stream or into the conference.
 */
export class ConnectedCall implements CallControl {
  readonly authToken: string;
  private readonly playout = new PlayoutQueue();
  private readonly stopTicking: () => void;
  private stream: MediaStreamClient | undefined;
  private conference: { room: ConferenceRoom; member: ConferenceMember } | undefined;
  private currentRun: AbortController | undefined;
  private ended = false;

  constructor(private readonly options: ConnectedCallOptions) {
    this.authToken = options.authToken;
    this.stopTicking = options.clock.onTick((tick) => this.tick(tick));
  }

  /** Runs new TwiML, replacing whatever runs now (its stream gets `stop`, its queued audio is dropped). */
  execute(source: TwimlSource): Promise<TwimlOutcome> {
    this.interruptCurrentRun();
    const run = new AbortController();
    this.currentRun = run;
    return runTwiml(source, this, run.signal);
  }

  /** The business pressed a key: the application hears it as a `dtmf` message. */
  sendDigitToCaller(digit: string): void {
    this.stream?.sendDtmf(digit);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.interruptCurrentRun();
    this.stopTicking();
    this.options.line.end();
  }

  requestParams(): WebhookParams {
    return this.options.requestParams();
  }

  notify(notification: Notification): void {
    this.options.notify(notification);
  }

  async say(text: string, language: string | undefined, signal: AbortSignal): Promise<void> {
    const audio = await synthesize(text, { voice: voiceFor(language) });
    if (!signal.aborted) await this.play(audio, signal);
  }

  pause(seconds: number, signal: AbortSignal): Promise<void> {
    return this.play(silence(seconds * 1000), signal);
  }

  playDigits(digits: string, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    for (const step of digitSteps(digits)) {
      const { digit } = step;
      if (digit !== null) this.playout.enqueueMarker(() => this.options.line.hearDigit(digit));
      this.playout.enqueue(step.audio);
    }
    return this.play(Buffer.alloc(0), signal);
  }

  async connectStream(instruction: StreamInstruction, signal: AbortSignal): Promise<void> {
    if (!/^wss?:\/\//i.test(instruction.url)) {
      this.notify({ code: 31920, message: `Stream - WebSocket - Handshake Error: ${instruction.url} is not a ws:// or wss:// URL` });
      return;
    }
    let stream: MediaStreamClient;
    try {
      stream = await MediaStreamClient.connect({
        url: instruction.url,
        authToken: this.authToken,
        identity: { streamSid: this.options.newStreamSid(), accountSid: this.options.accountSid, callSid: this.options.callSid },
        customParameters: instruction.customParameters,
        playout: this.playout,
        onProtocolError: (reason) => this.notify({ code: 31951, message: `Stream - Protocol - Invalid Message: ${reason}` }),
      });
    } catch (error) {
      this.notify({ code: 31920, message: `Stream - WebSocket - Handshake Error: ${(error as Error).message}` });
      return;
    }
    const stop = () => stream.stop();
    if (signal.aborted) {
      stop();
      return;
    }
    signal.addEventListener('abort', stop, { once: true });
    this.stream = stream;
    await stream.ended;
    signal.removeEventListener('abort', stop);
    if (this.stream === stream) {
      this.stream = undefined;
      // Audio the application queued but that never played dies with its stream.
      this.playout.clear();
    }
  }

  async joinConference(instruction: ConferenceInstruction, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    const room = this.options.conferences.open(instruction.name);
    const member = room.join(this.options.callSid, instruction);
    const leave = () => room.leave(member, 'left');
    signal.addEventListener('abort', leave, { once: true });
    this.conference = { room, member };
    await member.left;
    signal.removeEventListener('abort', leave);
    if (this.conference?.member === member) this.conference = undefined;
  }

  /** Plays audio to the business; resolves once it has been heard or the run is interrupted. */
  private play(audio: Buffer, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      this.playout.enqueue(audio);
      this.playout.enqueueMarker(resolve);
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  private interruptCurrentRun(): void {
    // Aborting stops the current stream synchronously, so a new stream never overlaps the old one.
    this.currentRun?.abort();
    this.currentRun = undefined;
    this.stream = undefined;
    this.conference = undefined;
    this.playout.clear();
  }

  private tick(tick: number): void {
    const conference = this.conference;
    const heard = conference ? conference.room.hear(conference.member, tick) : this.playout.nextFrame();
    const spoken = this.options.line.tick(heard);
    if (conference) conference.room.say(conference.member, spoken);
    else this.stream?.sendAudio(spoken, tick);
    this.options.onFrame?.(spoken, heard);
  }
}
