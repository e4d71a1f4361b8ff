import OpenAI from 'openai';
import type { AppConfig } from '../common/config.js';
import { createLogger } from '../common/logger.js';
import type { CallOutcome, ConfirmedOutcome } from '../common/outcome.js';
import { getCallContext, getTranscript, recordCallEvent, saveOutcome, type CallEvent } from '../db/calls.js';
import type { Pool } from '../db/pool.js';
import { saveRecording, setAnsweredBy } from '../db/recordings.js';
import type { Telephony } from '../telephony/telephony.js';
import { recordingKey, type RecordingStore } from '../storage/recordingStore.js';
import { extractOutcome as extract } from './outcome/extractOutcome.js';

export interface ActivityDeps {
  pool: Pool;
  telephony: Telephony;
  config: AppConfig;
  /** Where recordings are kept (a local directory, or an S3 bucket). */
  recordings: RecordingStore;
}

/** Every side effect a call workflow needs. Workflows see only the type of this object. */
export function createActivities({ pool, telephony, config, recordings }: ActivityDeps) {
  const log = createLogger('activities');
  const extractionModel = config.openai.local ? null : { client: new OpenAI({ apiKey: config.openai.apiKey }), name: config.openai.extractionModel };
  const callbackUrl = (route: string, callId: string) => `${config.api.publicUrl}/twilio/${route}?callId=${encodeURIComponent(callId)}`;

  return {
    async recordCallEvent(event: CallEvent): Promise<void> {
      await recordCallEvent(pool, event);
    },

    async placeCall(input: { callId: string; to: string; from: string; attempt: number }): Promise<{ callSid: string }> {
      const call = await getCallContext(pool, input.callId);
      if (!call) throw new Error(`call ${input.callId} is not in the database`);
      const requestedAt = new Date().toISOString();
      const placed = await telephony.placeCall({
        to: input.to,
        from: input.from,
        voiceUrl: callbackUrl('voice', input.callId),
        statusCallbackUrl: callbackUrl('status', input.callId),
        ringTimeoutSeconds: config.ringTimeoutSeconds,
        recordingStatusCallbackUrl: call.options.record ? callbackUrl('recording', input.callId) : undefined,
        machineDetectionCallbackUrl: call.options.machineDetection ? callbackUrl('amd', input.callId) : undefined,
      });
      await recordCallEvent(pool, { callId: input.callId, status: 'dialing', at: requestedAt, eventKey: `dialing:#${input.attempt}`, callStatus: 'dialing', callSid: placed.callSid });
      return placed;
    },

    async fetchCallStatus(input: { callSid: string | null }): Promise<{ status: string }> {
      if (!input.callSid) return { status: 'failed' };
      return telephony.fetchCall(input.callSid);
    },

    async hangupCall(input: { callSid: string | null }): Promise<void> {
      if (input.callSid) await telephony.hangup(input.callSid);
    },

    async extractOutcome(input: { callId: string; confirmed: ConfirmedOutcome }): Promise<CallOutcome> {
      const [context, transcript] = await Promise.all([getCallContext(pool, input.callId), getTranscript(pool, input.callId)]);
      if (!context) throw new Error(`call ${input.callId} is not in the database`);
      // Relative dates ("next Monday") are resolved against the day of the call where the user lives.
      const callDate = new Intl.DateTimeFormat('en-CA', { timeZone: config.timeZone }).format(new Date(transcript[0]?.at ?? Date.now()));
      return extract({ company: context.company, issue: context.issue, transcript, confirmed: input.confirmed, callDate }, extractionModel, log);
    },

    async recordAnsweredBy(input: { callId: string; answeredBy: string }): Promise<void> {
      await setAnsweredBy(pool, input.callId, input.answeredBy);
    },

    /** Copies the carrier's recording into our own storage, so it outlives the carrier's retention. */
    async storeRecording(input: { callId: string; recordingSid: string; durationSeconds: number | null; channels: number }): Promise<void> {
      const audio = await telephony.downloadRecording(input.recordingSid);
      const filePath = await recordings.save(recordingKey(input.callId, input.recordingSid), audio);
      await saveRecording(pool, { callId: input.callId, recordingSid: input.recordingSid, filePath, durationSeconds: input.durationSeconds, channels: input.channels, bytes: audio.length });
    },

    async saveCallOutcome(input: { callId: string; outcome: CallOutcome }): Promise<void> {
      await saveOutcome(pool, input.callId, input.outcome);
    },
  };
}

export type CallActivities = ReturnType<typeof createActivities>;
