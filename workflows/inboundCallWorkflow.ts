import { CallLine, type CallResult } from './callLine.js';

export interface InboundCallWorkflowInput {
  callId: string;
  callSid: string;
  from: string;
  to: string;
  maxCallMinutes: number;
}

/**
 * A call to the user's number, answered by the agent: it is already connected when the workflow starts,
 * so the workflow follows the line and reports the call like an outbound one.
 */
export async function inboundCallWorkflow(input: InboundCallWorkflowInput): Promise<CallResult> {
  const line = new CallLine(input.callId, input.from, 'ringing');
  line.callSid = input.callSid;
  line.advance('in-progress', new Date().toISOString(), 'answered by the agent');
  await line.follow(Date.now() + input.maxCallMinutes * 60_000);
  const outcome = await line.concludeOutcome();
  await line.recordFinal();
  return { status: line.status, callSid: line.callSid, outcome, attempts: 1 };
}
