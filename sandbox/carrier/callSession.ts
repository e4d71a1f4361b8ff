import type { AnsweringBusiness, Business, BusinessLine } from '../businesses/business.js';
import type { CallReport } from '../businesses/callRecord.js';
import { ConnectedCall } from './connectedCall.js';
import type { FrameClock } from './frameClock.js';
import { StatusCallbackSender, type StatusCallbackEvent } from './statusCallbacks.js';
import { twilioErrors } from './twilioErrors.js';
import type { Notification, TwimlOutcome, TwimlSource } from './twimlInterpreter.js';
import type { HttpMethod } from './webhookRequest.js';
import type { WebhookParams } from './webhookSigner.js';

export type CallStatus = 'queued' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled';
type FinalStatus = Exclude<CallStatus, 'queued' | 'ringing' | 'in-progress'>;

export const API_VERSION = '2010-04-01';

/** How long the phone network takes; short, so sandbox calls and tests are quick. */
export interface NetworkTiming {
  /** queued -> initiated */
  dialMs: number;
  /** initiated -> ringing */
  connectMs: number;
  /** one ring */
  ringMs: number;
  /** initiated -> busy signal */
  busyMs: number;
  /** initiated -> failed (nobody serves the number) */
  failMs: number;
}

export const DEFAULT_NETWORK_TIMING: NetworkTiming = { dialMs: 50, connectMs: 200, ringMs: 1000, busyMs: 500, failMs: 300 };

export interface CallSessionOptions {
  sid: string;
  accountSid: string;
  authToken: string;
  to: string;
  from: string;
  instructions: TwimlSource;
  timeoutSeconds: number;
  statusCallback: { url: string | undefined; method: HttpMethod; events: ReadonlySet<StatusCallbackEvent> };
  business: Business | undefined;
  clock: FrameClock;
  seed: string;
  timing: NetworkTiming;
  newStreamSid(): string;
}

const APPLICATION_ERROR_SPEECH = "We're sorry, an application error has occurred. Goodbye.";

/**
 * One outbound-api call from queued to its final status, with Twilio's status sequence:
 * queued -> initiated -> ringing -> in-progress -> completed, or busy / no-answer / failed / canceled.
 * (`initiated` exists only as a status callback; the resource stays `queued` until it rings.)
 */
export class CallSession {
  readonly sid: string;
  readonly accountSid: string;
  readonly to: string;
  readonly from: string;
  readonly business: Business | undefined;
  readonly dateCreated = new Date();
  readonly notifications: Notification[] = [];
  status: CallStatus = 'queued';
  dateUpdated = new Date();
  startTime: Date | undefined;
  answerTime: Date | undefined;
  endTime: Date | undefined;
  private instructions: TwimlSource;
  private readonly callbacks: StatusCallbackSender;
  private readonly timers = new Set<NodeJS.Timeout>();
  private connected: ConnectedCall | undefined;
  private line: BusinessLine | undefined;

  constructor(private readonly options: CallSessionOptions) {
    this.sid = options.sid;
    this.accountSid = options.accountSid;
    this.to = options.to;
    this.from = options.from;
    this.business = options.business;
    this.instructions = options.instructions;
    this.callbacks = new StatusCallbackSender({
      ...options.statusCallback,
      authToken: options.authToken,
      onFailure: (message) => this.notify({ code: 15003, message }),
    });
    this.after(options.timing.dialMs, () => this.initiate());
  }

  get isLive(): boolean {
    return this.status === 'queued' || this.status === 'ringing' || this.status === 'in-progress';
  }

  /** Whole seconds between answer and hang-up; 0 for calls never answered, null while live. */
  get durationSeconds(): number | null {
    if (this.isLive) return null;
    if (!this.answerTime || !this.endTime) return 0;
    return Math.ceil((this.endTime.getTime() - this.answerTime.getTime()) / 1000);
  }

  get facts(): Readonly<Record<string, string>> {
    return this.line?.facts ?? {};
  }

  get heard(): readonly string[] {
    return this.line?.heard ?? [];
  }

  /** What the business recorded about the call (keys, menu path, hold...), if it keeps a record. */
  get report(): CallReport | null {
    return this.line?.report?.() ?? null;
  }

  /** REST `Status=completed`: hangs up a live call (a call not yet answered is canceled). */
  hangUp(): void {
    if (this.status === 'in-progress') this.complete();
    else if (this.isLive) this.finish('canceled');
  }

  /** REST `Status=canceled`: only affects calls that are queued or ringing. */
  cancel(): void {
    if (this.status === 'queued' || this.status === 'ringing') this.finish('canceled');
  }

  /** REST `Url`/`Twiml` update: a live call runs the new TwiML now; an unanswered one will on answer. */
  redirect(source: TwimlSource): void {
    if (!this.isLive) throw twilioErrors.notInProgress();
    this.instructions = source;
    if (this.status === 'in-progress') this.run(source);
    this.touch();
  }

  /** Stops everything without further callbacks (the carrier is shutting down). */
  shutdown(): void {
    this.clearTimers();
    this.callbacks.cancelPending();
    this.connected?.end();
  }

  private initiate(): void {
    const { business, timing } = this.options;
    this.startTime = new Date();
    this.touch();
    this.callback('initiated', 'initiated');
    if (!business) {
      this.notify({ code: null, message: `no sandbox business serves ${this.to}` });
      this.after(timing.failMs, () => this.finish('failed'));
    } else if (business.pickup === 'busy') {
      this.after(timing.busyMs, () => this.finish('busy'));
    } else {
      this.after(timing.connectMs, () => this.ring(business));
    }
  }

  private ring(business: Business): void {
    const { timing, timeoutSeconds } = this.options;
    this.status = 'ringing';
    this.touch();
    this.callback('ringing', 'ringing');
    const timeoutMs = timeoutSeconds * 1000;
    if (business.pickup === 'answer' && business.rings * timing.ringMs < timeoutMs) {
      this.after(business.rings * timing.ringMs, () => this.answer(business));
    } else {
      this.after(timeoutMs, () => this.finish('no-answer'));
    }
  }

  private answer(business: AnsweringBusiness): void {
    this.clearTimers();
    this.status = 'in-progress';
    this.answerTime = new Date();
    this.touch();
    this.callback('answered', 'in-progress');
    this.line = business.answer({
      callSid: this.sid,
      from: this.from,
      to: this.to,
      seed: this.options.seed,
      hangUp: () => this.complete(),
      pressDigit: (digit) => this.connected?.sendDigitToCaller(digit),
    });
    this.connected = new ConnectedCall({
      callSid: this.sid,
      accountSid: this.accountSid,
      authToken: this.options.authToken,
      clock: this.options.clock,
      line: this.line,
      newStreamSid: this.options.newStreamSid,
      requestParams: () => this.params(this.status),
      notify: (notification) => this.notify(notification),
    });
    this.run(this.instructions);
  }

  private run(source: TwimlSource): void {
    const connected = this.connected;
    if (!connected) return;
    connected.execute(source).then(
      (outcome) => this.settle(outcome),
      (error: Error) => {
        this.notify({ code: null, message: `sandbox carrier error: ${error.message}` });
        this.complete();
      },
    );
  }

  private settle(outcome: TwimlOutcome): void {
    if (outcome.kind === 'aborted' || this.status !== 'in-progress') return;
    if (outcome.kind === 'hangup') {
      this.complete();
      return;
    }
    this.notify(outcome.notification);
    this.run({ kind: 'inline', twiml: `<Response><Say>${APPLICATION_ERROR_SPEECH}</Say></Response>` });
  }

  private complete(): void {
    if (this.status !== 'in-progress') return;
    this.status = 'completed';
    this.endTime = new Date();
    this.touch();
    this.connected?.end();
    const seconds = String(this.durationSeconds ?? 0);
    this.callback('completed', 'completed', { CallDuration: seconds, Duration: String(Math.ceil(Number(seconds) / 60)) });
  }

  private finish(status: FinalStatus): void {
    if (!this.isLive) return;
    this.clearTimers();
    this.status = status;
    this.endTime = new Date();
    this.touch();
    this.callback('completed', status, { CallDuration: '0', Duration: '0' });
  }

  private params(callStatus: string): WebhookParams {
    return {
      AccountSid: this.accountSid,
      ApiVersion: API_VERSION,
      CallSid: this.sid,
      CallStatus: callStatus,
      Called: this.to,
      Caller: this.from,
      Direction: 'outbound-api',
      From: this.from,
      To: this.to,
    };
  }

  private callback(event: StatusCallbackEvent, callStatus: string, extra: WebhookParams = {}): void {
    this.callbacks.notify(event, { ...this.params(callStatus), ...extra });
  }

  private notify(notification: Notification): void {
    this.notifications.push(notification);
  }

  private touch(): void {
    this.dateUpdated = new Date();
  }

  private after(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }

  private clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
