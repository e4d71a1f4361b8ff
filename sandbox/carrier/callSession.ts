import type { Business, BusinessLine } from '../businesses/business.js';
import { API_VERSION } from './apiVersion.js';
import { CallMonitors } from './callMonitors.js';
import { CallTimers } from './callTimers.js';
import type { CallDirection, CallParty } from './callParty.js';
import type { RecordingRequest } from './callRecording.js';
import type { ConferenceRegistry } from './conferenceRegistry.js';
import { ConnectedCall } from './connectedCall.js';
import type { FrameClock } from './frameClock.js';
import type { AnsweredBy, MachineDetectionRequest, MachineVerdict } from './machineDetector.js';
import type { RecordingRegistry } from './recordingRegistry.js';
import { StatusCallbackSender, type StatusCallbackEvent } from './statusCallbacks.js';
import { twilioErrors } from './twilioErrors.js';
import { APPLICATION_ERROR_TWIML } from './twimlFailure.js';
import type { Notification, TwimlOutcome, TwimlSource } from './twimlInterpreter.js';
import type { NetworkTiming } from './networkTiming.js';
import type { HttpMethod } from './webhookRequest.js';
import type { WebhookParams } from './webhookSigner.js';

export type CallStatus = 'queued' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled';
type FinalStatus = Exclude<CallStatus, 'queued' | 'ringing' | 'in-progress'>;

export interface CallSessionOptions {
  sid: string;
  accountSid: string;
  authToken: string;
  direction: CallDirection;
  to: string;
  from: string;
  instructions: TwimlSource;
  timeoutSeconds: number;
  statusCallback: { url: string | undefined; method: HttpMethod; events: ReadonlySet<StatusCallbackEvent> };
  recording?: RecordingRequest;
  machineDetection?: MachineDetectionRequest;
  /** Outbound: who serves `to` (undefined: nobody, the call fails). */
  business: Business | undefined;
  /** Inbound: who is calling. */
  caller?: CallParty;
  clock: FrameClock;
  conferences: ConferenceRegistry;
  recordings: RecordingRegistry;
  seed: string;
  timing: NetworkTiming;
  newStreamSid(): string;
}

/**
 * One call leg from start to its final status. Outbound-api calls follow Twilio's sequence queued ->
 * initiated -> ringing -> in-progress -> completed, or busy / no-answer / failed / canceled (`initiated`
 * exists only as a status callback; the resource stays `queued` until it rings). Inbound calls arrive
 * ringing and are answered by the application's TwiML at once.
 */
export class CallSession {
  readonly sid: string;
  readonly accountSid: string;
  readonly direction: CallDirection;
  readonly to: string;
  readonly from: string;
  readonly business: Business | undefined;
  readonly caller: CallParty | undefined;
  readonly dateCreated = new Date();
  readonly notifications: Notification[] = [];
  status: CallStatus = 'queued';
  dateUpdated = new Date();
  startTime: Date | undefined;
  answerTime: Date | undefined;
  endTime: Date | undefined;
  answeredBy: AnsweredBy | null = null;
  private instructions: TwimlSource;
  private readonly callbacks: StatusCallbackSender;
  private readonly timers = new CallTimers();
  private connected: ConnectedCall | undefined;
  private monitors: CallMonitors | undefined;
  private line: BusinessLine | undefined;
  private awaitingVerdict = false;
  private syncVerdict: MachineVerdict | undefined;
  private twimlRequested = false;

  constructor(private readonly options: CallSessionOptions) {
    this.sid = options.sid;
    this.accountSid = options.accountSid;
    this.direction = options.direction;
    this.to = options.to;
    this.from = options.from;
    this.business = options.business;
    this.caller = options.caller;
    this.instructions = options.instructions;
    this.callbacks = new StatusCallbackSender({
      ...options.statusCallback,
      authToken: options.authToken,
      onFailure: (message) => this.notify({ code: 15003, message }),
    });
    const caller = options.caller;
    if (options.direction === 'inbound' && caller) {
      this.status = 'ringing';
      this.startTime = new Date();
      this.timers.after(0, () => this.answer(caller));
    } else {
      this.timers.after(options.timing.dialMs, () => this.initiate());
    }
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

  /** The far end's line once answered: its facts, what it heard, its own record of the call. */
  get partyLine(): BusinessLine | undefined {
    return this.line;
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
    this.awaitingVerdict = false;
    if (this.status === 'in-progress') this.run(source);
    this.touch();
  }

  /** Stops everything without further callbacks (the carrier is shutting down). */
  shutdown(): void {
    this.timers.clear();
    this.callbacks.cancelPending();
    this.monitors?.shutdown();
    this.connected?.end();
  }

  private initiate(): void {
    const { business, timing } = this.options;
    this.startTime = new Date();
    this.touch();
    this.callback('initiated', 'initiated');
    if (!business) {
      this.notify({ code: null, message: `no sandbox business serves ${this.to}` });
      this.timers.after(timing.failMs, () => this.finish('failed'));
    } else if (business.pickup === 'busy') {
      this.timers.after(timing.busyMs, () => this.finish('busy'));
    } else {
      this.timers.after(timing.connectMs, () => this.ring(business));
    }
  }

  private ring(business: Business): void {
    const { timing, timeoutSeconds } = this.options;
    this.status = 'ringing';
    this.touch();
    this.callback('ringing', 'ringing');
    const timeoutMs = timeoutSeconds * 1000;
    if (business.pickup === 'answer' && business.rings * timing.ringMs < timeoutMs) {
      this.timers.after(business.rings * timing.ringMs, () => this.answer(business));
    } else {
      this.timers.after(timeoutMs, () => this.finish('no-answer'));
    }
  }

  private answer(party: CallParty): void {
    this.timers.clear();
    this.status = 'in-progress';
    this.answerTime = new Date();
    this.touch();
    this.callback('answered', 'in-progress');
    this.line = party.answer({
      callSid: this.sid,
      from: this.from,
      to: this.to,
      seed: this.options.seed,
      hangUp: () => this.complete(),
      pressDigit: (digit) => this.connected?.sendDigitToCaller(digit),
    });
    const { recording, machineDetection, authToken, recordings } = this.options;
    if (recording || machineDetection) {
      this.monitors = new CallMonitors({
        call: this,
        authToken,
        recording,
        machineDetection,
        party,
        recordings,
        notify: (notification) => this.notify(notification),
        onVerdict: (verdict) => this.verdictReached(verdict),
      });
    }
    this.connected = new ConnectedCall({
      callSid: this.sid,
      accountSid: this.accountSid,
      authToken: this.options.authToken,
      clock: this.options.clock,
      line: this.line,
      conferences: this.options.conferences,
      newStreamSid: this.options.newStreamSid,
      requestParams: () => this.twimlRequestParams(),
      notify: (notification) => this.notify(notification),
      onFrame: this.monitors ? (fromParty, toParty) => this.monitors?.frame(fromParty, toParty) : undefined,
    });
    // Synchronous detection holds the call's TwiML (the called party hears silence) until the verdict.
    this.awaitingVerdict = machineDetection !== undefined && !machineDetection.async;
    if (!this.awaitingVerdict) this.run(this.instructions);
  }

  private verdictReached(verdict: MachineVerdict): void {
    this.answeredBy = verdict.answeredBy;
    this.touch();
    if (!this.awaitingVerdict) return;
    this.awaitingVerdict = false;
    this.syncVerdict = verdict;
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
    this.run({ kind: 'inline', twiml: APPLICATION_ERROR_TWIML });
  }

  private complete(): void {
    if (this.status !== 'in-progress') return;
    this.status = 'completed';
    this.endTime = new Date();
    this.touch();
    this.connected?.end();
    const recordingFields = this.monitors?.finish() ?? {};
    const seconds = String(this.durationSeconds ?? 0);
    this.callback('completed', 'completed', { CallDuration: seconds, Duration: String(Math.ceil(Number(seconds) / 60)), ...recordingFields });
  }

  private finish(status: FinalStatus): void {
    if (!this.isLive) return;
    this.timers.clear();
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
      Direction: this.direction,
      From: this.from,
      To: this.to,
    };
  }

  /** An inbound call's first TwiML request is made while it rings; synchronous AMD adds its verdict. */
  private twimlRequestParams(): WebhookParams {
    const status = this.direction === 'inbound' && !this.twimlRequested ? 'ringing' : this.status;
    this.twimlRequested = true;
    const verdict = this.syncVerdict;
    return verdict ? { ...this.params(status), AnsweredBy: verdict.answeredBy, MachineDetectionDuration: String(verdict.durationMs) } : this.params(status);
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

}
