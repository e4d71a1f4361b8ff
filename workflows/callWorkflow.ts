import { log } from '@temporalio/workflow';
import { isForwardMove } from '../common/callStatus.js';
import { CallLine, carrier, records, type CallResult } from './callLine.js';

export interface CallWorkflowInput {
  callId: string;
  to: string;
  from: string;
  maxCallMinutes: number;
  /** The carrier records the call; the workflow waits for the recording and stores it. */
  record?: boolean;
}

export type CallWorkflowResult = CallResult;

/** One outbound call: dial, follow the line until it ends, then extract and store the outcome. */
export async function callWorkflow(input: CallWorkflowInput): Promise<CallWorkflowResult> {
  const line = new CallLine(input.callId, input.to, 'queued');
  await records.recordCallEvent({ callId: input.callId, status: 'queued', at: new Date().toISOString(), eventKey: 'queued:', callStatus: 'queued' });
  try {
    ({ callSid: line.callSid } = await carrier.placeCall({ callId: input.callId, to: input.to, from: input.from }));
  } catch (err) {
    const message = (err as { cause?: Error }).cause?.message ?? (err as Error).message;
    log.warn('placing the call failed', { reason: message });
    return line.finish('failed', `could not place the call: ${message}`);
  }
  // placeCall stored the dialing event itself (with the call sid), so only the state moves here.
  if (isForwardMove(line.status, 'dialing')) line.status = 'dialing';
  await line.follow(Date.now() + input.maxCallMinutes * 60_000);
  const result = await line.finish();
  if (input.record) await line.storeRecordingWhenReady();
  return result;
}
