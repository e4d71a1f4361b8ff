import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { CallStatus } from '../common/callStatus.js';
import type { ConfirmedOutcome } from '../common/outcome.js';

/** A carrier status callback, as received (signature already checked) by the API. */
export interface CarrierStatusUpdate {
  callSid: string;
  /** Twilio's CallStatus value (queued, initiated, ringing, in-progress, completed, busy, ...). */
  carrierStatus: string;
  sequenceNumber: number | null;
  at: string;
  durationSeconds: number | null;
}

/** What the media-bridge saw on the line. */
export interface MediaUpdate {
  /** hold-started / user-needed / escalated come from the voice model's tools; they mark the timeline. */
  type:
    | 'stream-started' | 'stream-ended' | 'hold-started' | 'human-reached' | 'voicemail-beep' | 'user-needed' | 'escalated' | 'agent-hung-up'
    | 'user-joined' | 'user-unreachable' | 'user-left' | 'keys-not-taken';
  streamSid: string;
  at: string;
  detail?: string;
}

export interface CallState {
  status: CallStatus;
  callSid: string | null;
  confirmed: ConfirmedOutcome;
}

export const carrierStatusSignal = defineSignal<[CarrierStatusUpdate]>('carrierStatus');
export const mediaSignal = defineSignal<[MediaUpdate]>('media');
/** The carrier finished a recording of the call. */
export interface RecordingUpdate {
  recordingSid: string;
  durationSeconds: number | null;
  channels: number;
}

export const recordingReadySignal = defineSignal<[RecordingUpdate]>('recordingReady');
/** Answering-machine detection's verdict (Twilio's AnsweredBy: human, machine_start, machine_end_beep, fax, unknown...). */
export const answeredBySignal = defineSignal<[{ answeredBy: string; at: string }]>('answeredBy');
export const outcomeConfirmedSignal = defineSignal<[ConfirmedOutcome]>('outcomeConfirmed');
export const callStateQuery = defineQuery<CallState>('callState');

export function callWorkflowId(callId: string): string {
  return `call-${callId}`;
}
