import { condition, log, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { FINAL_STATUSES, fromCarrierStatus, isForwardMove, type CallStatus } from '../common/callStatus.js';
import type { CallOutcome, ConfirmedOutcome } from '../common/outcome.js';
import type { CallActivities } from '../activities/index.js';
import { answeredBySignal, callStateQuery, carrierStatusSignal, mediaSignal, outcomeConfirmedSignal, recordingReadySignal, type RecordingUpdate } from './callSignals.js';
import { CALL_STATUS_KEY, CALL_TO_KEY } from './searchAttributes.js';

export const records = proxyActivities<CallActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
export const carrier = proxyActivities<CallActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '30 seconds', maximumAttempts: 6, nonRetryableErrorTypes: ['TelephonyRejectedError'] },
});
const analysis = proxyActivities<CallActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', maximumAttempts: 10 },
});

// After the media stream ends, the carrier's final callback normally follows within a second; if it was
// lost (webhook unreachable), ask the carrier instead of waiting forever.
const FINAL_CALLBACK_GRACE = '30 seconds';
const RECORDING_WAIT = '5 minutes';

export interface CallResult {
  status: CallStatus;
  callSid: string | null;
  outcome: CallOutcome | null;
  attempts: number;
}

interface PendingEvent {
  status: string;
  at: string;
  detail?: string;
  callStatus?: CallStatus;
}

/**
 * A call's line as the workflow sees it: carrier callbacks and bridge events arrive as signals, status only
 * moves forward, and every change is written (in order) to the call's timeline. Shared by outbound and
 * inbound calls.
 */
export class CallLine {
  status: CallStatus;
  callSid: string | null = null;
  confirmed: ConfirmedOutcome = {};
  /** The agent ended the call itself (end_call), as opposed to the other side or the network. */
  endedByAgent = false;
  answered = false;
  /** An answering machine picked up (the carrier's AMD said so, or the bridge heard the beep). */
  reachedVoicemail = false;
  /** The user chose not to leave messages: a voicemail box is hung up on, and the call tried again later. */
  hangUpOnVoicemail = false;
  private hungUpOnVoicemail = false;
  private streamEnded = false;
  private final: { at?: string; detail?: string } = {};
  private recording: RecordingUpdate | null = null;
  private readonly pending: PendingEvent[] = [];
  private indexedStatus: CallStatus;

  constructor(private readonly callId: string, to: string, initial: CallStatus, private readonly attempt = 1) {
    this.status = initial;
    this.indexedStatus = initial;
    setHandler(carrierStatusSignal, (update) => {
      // A late callback about an earlier attempt's call says nothing about this one.
      if (this.callSid && update.callSid !== this.callSid) return;
      const next = fromCarrierStatus(update.carrierStatus);
      if (next) this.advance(next, update.at, update.durationSeconds !== null ? `duration ${update.durationSeconds}s` : undefined);
    });
    setHandler(mediaSignal, (update) => {
      switch (update.type) {
        case 'stream-started':
          this.streamEnded = false;
          this.pending.push({ status: 'media-connected', at: update.at, detail: update.streamSid });
          this.advance('in-progress', update.at);
          break;
        case 'agent-hung-up':
          this.endedByAgent = true;
          this.pending.push({ status: update.type, at: update.at, detail: update.detail });
          break;
        case 'voicemail-beep':
          this.reachedVoicemail = true;
          this.pending.push({ status: update.type, at: update.at, detail: update.detail ?? update.streamSid });
          break;
        case 'stream-ended':
          this.streamEnded = true;
          this.pending.push({ status: 'media-ended', at: update.at, detail: update.detail ?? update.streamSid });
          break;
        default:
          this.pending.push({ status: update.type, at: update.at, detail: update.detail ?? update.streamSid });
      }
    });
    setHandler(recordingReadySignal, (update) => {
      this.recording = update;
    });
    setHandler(answeredBySignal, ({ answeredBy, at }) => {
      this.pending.push({ status: 'answered-by', at, detail: answeredBy });
      if (/^(machine|fax)/.test(answeredBy)) this.reachedVoicemail = true;
    });
    setHandler(outcomeConfirmedSignal, (values) => {
      this.confirmed = { ...this.confirmed, ...values };
    });
    setHandler(callStateQuery, () => ({ status: this.status, callSid: this.callSid, confirmed: this.confirmed }));
    upsertSearchAttributes([{ key: CALL_TO_KEY, value: to }, { key: CALL_STATUS_KEY, value: initial }]);
  }

  advance(next: CallStatus, at: string, detail?: string): void {
    if (!isForwardMove(this.status, next)) return;
    this.status = next;
    if (next === 'in-progress') this.answered = true;
    // Final statuses are persisted after the outcome, so "final" always means "outcome stored".
    if (FINAL_STATUSES.has(next)) this.final = { at, detail };
    // placeCall writes the dialing entry itself; the carrier's "initiated" must not write a second one.
    else if (next !== 'dialing') this.pending.push({ status: next, at, detail, callStatus: next });
  }

  /** Follows the line until it ends (or the deadline passes, then hangs up) and writes what happened. */
  async follow(deadline: number): Promise<void> {
    while (!FINAL_STATUSES.has(this.status)) {
      await this.flush();
      if (this.reachedVoicemail && this.hangUpOnVoicemail && !this.hungUpOnVoicemail) {
        this.hungUpOnVoicemail = true;
        await records.recordCallEvent({ callId: this.callId, status: 'voicemail-hang-up', at: new Date().toISOString(), detail: 'no message left; the call will be tried again', eventKey: `voicemail-hang-up:#${this.attempt}`, callSid: this.callSid ?? undefined });
        await carrier.hangupCall({ callSid: this.callSid });
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        log.warn('call exceeded its maximum length; hanging up', { callSid: this.callSid });
        await carrier.hangupCall({ callSid: this.callSid });
        await this.reconcileWithCarrier();
        break;
      }
      const woke = await condition(() => this.pending.length > 0 || FINAL_STATUSES.has(this.status) || this.streamEnded, remaining);
      if (woke && this.streamEnded && !FINAL_STATUSES.has(this.status) && this.pending.length === 0) {
        // A new stream (keys pressed, then redirected back to the bridge) also clears streamEnded.
        const settled = await condition(() => FINAL_STATUSES.has(this.status) || !this.streamEnded, FINAL_CALLBACK_GRACE);
        if (!settled) {
          await this.reconcileWithCarrier();
          this.streamEnded = false;
        }
      }
    }
    await this.flush();
  }

  /** Extracts and stores the outcome, if anyone answered. */
  async concludeOutcome(): Promise<CallOutcome | null> {
    if (!this.answered) return null;
    const outcome = await analysis.extractOutcome({ callId: this.callId, confirmed: this.confirmed });
    await records.saveCallOutcome({ callId: this.callId, outcome });
    return outcome;
  }

  /** Writes the final status (after the outcome, so "final" always means "outcome stored"). */
  async recordFinal(finalStatus: CallStatus = this.status, detail?: string): Promise<void> {
    this.status = finalStatus;
    await records.recordCallEvent({
      callId: this.callId, status: finalStatus, at: this.final.at ?? new Date().toISOString(), detail: detail ?? this.final.detail,
      eventKey: `${finalStatus}:final`, callStatus: finalStatus, callSid: this.callSid ?? undefined,
    });
    upsertSearchAttributes([{ key: CALL_STATUS_KEY, value: finalStatus }]);
  }

  /** This attempt ended without what the user needs; the call goes back to waiting for its next attempt. */
  async recordRetry(reason: string, retryAt: string): Promise<void> {
    await records.recordCallEvent({
      callId: this.callId, status: 'retry-scheduled', at: new Date().toISOString(), detail: `attempt ${this.attempt} ended ${reason}; next attempt at ${retryAt}`,
      eventKey: `retry-scheduled:#${this.attempt}`, callStatus: 'scheduled', callSid: this.callSid ?? undefined,
    });
    upsertSearchAttributes([{ key: CALL_STATUS_KEY, value: 'scheduled' }]);
  }

  /** The carrier reports a recording shortly after the call ends; copy it into our storage. */
  async storeRecordingWhenReady(): Promise<void> {
    if (!this.answered) return;
    if (await condition(() => this.recording !== null, RECORDING_WAIT)) {
      await analysis.storeRecording({ callId: this.callId, ...this.recording! });
    } else {
      log.warn('no recording arrived from the carrier', { callId: this.callId });
    }
  }

  private async flush(): Promise<void> {
    while (this.pending.length) {
      const event = this.pending.shift()!;
      if (event.status === 'answered-by') await records.recordAnsweredBy({ callId: this.callId, answeredBy: event.detail! });
      await records.recordCallEvent({ callId: this.callId, ...event, eventKey: `${event.status}:${event.detail ?? ''}:${event.at}`, callSid: this.callSid ?? undefined });
    }
    if (this.status !== this.indexedStatus) {
      this.indexedStatus = this.status;
      upsertSearchAttributes([{ key: CALL_STATUS_KEY, value: this.status }]);
    }
  }

  private async reconcileWithCarrier(): Promise<void> {
    const fetched = await carrier.fetchCallStatus({ callSid: this.callSid });
    const next = fromCarrierStatus(fetched.status);
    if (next) this.advance(next, new Date().toISOString(), 'reported by the carrier on request');
  }
}
