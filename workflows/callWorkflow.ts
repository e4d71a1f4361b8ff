import { log, sleep } from '@temporalio/workflow';
import { isForwardMove, type CallStatus } from '../common/callStatus.js';
import type { CallOutcome } from '../common/outcome.js';
import { CallLine, carrier, records, type CallResult } from './callLine.js';

export interface CallWorkflowInput {
  callId: string;
  to: string;
  from: string;
  maxCallMinutes: number;
  /** The carrier records the call; the workflow waits for the recording and stores it. */
  record?: boolean;
  /** Place the call at this time (ISO 8601) instead of now. */
  scheduledAt?: string;
  /** Waits before each further attempt when a line is busy, unanswered or the call drops; its length caps the retries. */
  retryDelaysSeconds?: number[];
  /** On reaching voicemail: leave a message (default), or hang up and try again later. */
  voicemail?: 'leave-message' | 'hang-up';
}

export type CallWorkflowResult = CallResult;

const DEFAULT_RETRY_DELAYS_SECONDS = [120, 600, 3600];

/**
 * One outbound call, made until it gets somewhere: wait for its time, dial, follow the line, extract the
 * outcome; a busy line, no answer or a dropped call is tried again later.
 */
export async function callWorkflow(input: CallWorkflowInput): Promise<CallWorkflowResult> {
  const delays = input.retryDelaysSeconds ?? DEFAULT_RETRY_DELAYS_SECONDS;
  if (input.scheduledAt) {
    const waitMs = Date.parse(input.scheduledAt) - Date.now();
    if (waitMs > 0) {
      await records.recordCallEvent({ callId: input.callId, status: 'scheduled', at: new Date().toISOString(), detail: `for ${input.scheduledAt}`, eventKey: 'scheduled:', callStatus: 'scheduled' });
      await sleep(waitMs);
    }
  }
  for (let attempt = 1; ; attempt++) {
    const line = new CallLine(input.callId, input.to, 'queued', attempt);
    line.hangUpOnVoicemail = input.voicemail === 'hang-up';
    await records.recordCallEvent({ callId: input.callId, status: 'queued', at: new Date().toISOString(), detail: attempt > 1 ? `attempt ${attempt}` : undefined, eventKey: `queued:#${attempt}`, callStatus: 'queued' });
    try {
      ({ callSid: line.callSid } = await carrier.placeCall({ callId: input.callId, to: input.to, from: input.from, attempt }));
    } catch (err) {
      const message = (err as { cause?: Error }).cause?.message ?? (err as Error).message;
      log.warn('placing the call failed', { reason: message });
      await line.recordFinal('failed', `could not place the call: ${message}`);
      return { status: 'failed', callSid: null, outcome: null, attempts: attempt };
    }
    // placeCall stored the dialing event itself (with the call sid), so only the state moves here.
    if (isForwardMove(line.status, 'dialing')) line.status = 'dialing';
    await line.follow(Date.now() + input.maxCallMinutes * 60_000);
    const outcome = await line.concludeOutcome();
    const reason = retryReason(line, outcome);
    if (!reason || attempt > delays.length) {
      await line.recordFinal();
      if (input.record) await line.storeRecordingWhenReady();
      return { status: line.status, callSid: line.callSid, outcome, attempts: attempt };
    }
    const delayMs = delays[attempt - 1] * 1000;
    await line.recordRetry(reason, new Date(Date.now() + delayMs).toISOString());
    await sleep(delayMs);
  }
}

/** Why this attempt should be made again, or null when it got what it could. */
function retryReason(line: CallLine, outcome: CallOutcome | null): string | null {
  const status: CallStatus = line.status;
  if (status === 'busy') return 'busy';
  if (status === 'no-answer') return 'with no answer';
  if (line.reachedVoicemail && line.hangUpOnVoicemail) return 'at voicemail';
  // Cut off before the agent finished and with nothing to show for it: the line dropped.
  const gotSomething = Boolean(line.confirmed.caseNumber || outcome?.caseNumber || outcome?.resolved === 'yes');
  if (status === 'completed' && line.answered && !line.endedByAgent && !gotSomething) return 'dropped before the agent finished';
  return null;
}
