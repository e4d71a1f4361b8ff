import { condition, log, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { FINAL_STATUSES, fromCarrierStatus, isForwardMove, type CallStatus } from '../common/callStatus.js';
import type { CallOutcome, ConfirmedOutcome } from '../common/outcome.js';
import type { CallActivities } from '../activities/index.js';
import { answeredBySignal, callStateQuery, carrierStatusSignal, mediaSignal, outcomeConfirmedSignal, recordingReadySignal, type RecordingUpdate } from './callSignals.js';
import { CALL_STATUS_KEY, CALL_TO_KEY } from './searchAttributes.js';

export interface CallWorkflowInput {
  callId: string;
  to: string;
  from: string;
  maxCallMinutes: number;
  /** The carrier records the call; the workflow waits for the recording and stores it. */
  record?: boolean;
}

export interface CallWorkflowResult {
  status: CallStatus;
  callSid: string | null;
  outcome: CallOutcome | null;
}

const records = proxyActivities<CallActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
const carrier = proxyActivities<CallActivities>({
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

interface PendingEvent {
  status: string;
  at: string;
  detail?: string;
  callStatus?: CallStatus;
}

/** One outbound call: dial, follow the line until it ends, then extract and store the outcome. */
export async function callWorkflow(input: CallWorkflowInput): Promise<CallWorkflowResult> {
  let status: CallStatus = 'queued';
  let callSid: string | null = null;
  let confirmed: ConfirmedOutcome = {};
  let streamEnded = false;
  let answered = false;
  let finalDetail: string | undefined;
  let finalAt: string | undefined;
  const pending: PendingEvent[] = [];

  const advance = (next: CallStatus, at: string, detail?: string) => {
    if (!isForwardMove(status, next)) return;
    status = next;
    if (next === 'in-progress') answered = true;
    // Final statuses are persisted after the outcome, so "final" always means "outcome stored".
    if (FINAL_STATUSES.has(next)) {
      finalDetail = detail;
      finalAt = at;
    }
    else pending.push({ status: next, at, detail, callStatus: next });
  };

  setHandler(carrierStatusSignal, (update) => {
    const next = fromCarrierStatus(update.carrierStatus);
    if (next) advance(next, update.at, update.durationSeconds !== null ? `duration ${update.durationSeconds}s` : undefined);
  });
  setHandler(mediaSignal, (update) => {
    switch (update.type) {
      case 'stream-started':
        streamEnded = false;
        pending.push({ status: 'media-connected', at: update.at, detail: update.streamSid });
        advance('in-progress', update.at);
        break;
      case 'stream-ended':
        streamEnded = true;
        pending.push({ status: 'media-ended', at: update.at, detail: update.detail ?? update.streamSid });
        break;
      default:
        pending.push({ status: update.type, at: update.at, detail: update.detail ?? update.streamSid });
    }
  });
  let recording: RecordingUpdate | null = null;
  setHandler(recordingReadySignal, (update) => {
    recording = update;
  });
  setHandler(answeredBySignal, ({ answeredBy, at }) => {
    pending.push({ status: 'answered-by', at, detail: answeredBy });
  });
  setHandler(outcomeConfirmedSignal, (values) => {
    confirmed = { ...confirmed, ...values };
  });
  setHandler(callStateQuery, () => ({ status, callSid, confirmed }));

  const now = () => new Date().toISOString();
  const flush = async () => {
    while (pending.length) {
      const event = pending.shift()!;
      if (event.status === 'answered-by') await records.recordAnsweredBy({ callId: input.callId, answeredBy: event.detail! });
      await records.recordCallEvent({ callId: input.callId, ...event, eventKey: `${event.status}:${event.detail ?? ''}:${event.at}`, callSid: callSid ?? undefined });
    }
  };
  let indexedStatus: CallStatus = status;
  upsertSearchAttributes([{ key: CALL_TO_KEY, value: input.to }, { key: CALL_STATUS_KEY, value: status }]);
  await records.recordCallEvent({ callId: input.callId, status: 'queued', at: now(), eventKey: 'queued:', callStatus: 'queued' });

  try {
    ({ callSid } = await carrier.placeCall({ callId: input.callId, to: input.to, from: input.from }));
  } catch (err) {
    const message = (err as { cause?: Error }).cause?.message ?? (err as Error).message;
    log.warn('placing the call failed', { reason: message });
    return finish('failed', now(), `could not place the call: ${message}`);
  }
  // placeCall stored the dialing event itself (with the call sid), so only the state moves here.
  if (isForwardMove(status, 'dialing')) status = 'dialing';

  const deadline = Date.now() + input.maxCallMinutes * 60_000;
  while (!FINAL_STATUSES.has(status)) {
    await flush();
    if (status !== indexedStatus) {
      indexedStatus = status;
      upsertSearchAttributes([{ key: CALL_STATUS_KEY, value: status }]);
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      log.warn('call exceeded its maximum length; hanging up', { callSid });
      await carrier.hangupCall({ callSid });
      await reconcileWithCarrier();
      break;
    }
    const woke = await condition(() => pending.length > 0 || FINAL_STATUSES.has(status) || streamEnded, remaining);
    if (woke && streamEnded && !FINAL_STATUSES.has(status) && pending.length === 0) {
      // A new stream (keys pressed, then redirected back to the bridge) also clears streamEnded.
      const settled = await condition(() => FINAL_STATUSES.has(status) || !streamEnded, FINAL_CALLBACK_GRACE);
      if (!settled) {
        await reconcileWithCarrier();
        streamEnded = false;
      }
    }
  }
  await flush();
  return finish(status, finalAt ?? now(), finalDetail);

  async function reconcileWithCarrier(): Promise<void> {
    const fetched = await carrier.fetchCallStatus({ callSid });
    const next = fromCarrierStatus(fetched.status);
    if (next) advance(next, now(), 'reported by the carrier on request');
  }

  async function finish(finalStatus: CallStatus, at: string, detail?: string): Promise<CallWorkflowResult> {
    status = finalStatus;
    let outcome: CallOutcome | null = null;
    if (answered) {
      outcome = await analysis.extractOutcome({ callId: input.callId, confirmed });
      await records.saveCallOutcome({ callId: input.callId, outcome });
    }
    // The carrier reports a recording shortly after the call ends.
    if (answered && input.record && (await condition(() => recording !== null, RECORDING_WAIT))) {
      await analysis.storeRecording({ callId: input.callId, ...recording! });
    }
    await records.recordCallEvent({ callId: input.callId, status: finalStatus, at, detail, eventKey: `${finalStatus}:`, callStatus: finalStatus, callSid: callSid ?? undefined });
    upsertSearchAttributes([{ key: CALL_STATUS_KEY, value: finalStatus }]);
    log.info('call finished', { status: finalStatus, workflowId: workflowInfo().workflowId });
    return { status: finalStatus, callSid, outcome };
  }
}
