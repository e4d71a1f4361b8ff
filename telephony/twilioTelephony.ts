import twilio from 'twilio';
import { TelephonyRejectedError, type ConferenceParticipant, type PlaceCallRequest, type Telephony } from './telephony.js';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** Sandbox carrier address; undefined means the real api.twilio.com. */
  apiBaseUrl?: string;
}

export function createTwilioClient(settings: TwilioSettings): twilio.Twilio {
  const client = twilio(settings.accountSid, settings.authToken, { timeout: 15_000, autoRetry: true, maxRetries: 2 });
  if (settings.apiBaseUrl) client.api.baseUrl = settings.apiBaseUrl;
  return client;
}

export function twilioTelephony(settings: TwilioSettings): Telephony {
  const client = createTwilioClient(settings);
  const apiBase = settings.apiBaseUrl ?? 'https://api.twilio.com';
  const basicAuth = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
  return {
    placeCall: (request: PlaceCallRequest) =>
      translateErrors(async () => {
        const call = await client.calls.create({
          to: request.to,
          from: request.from,
          url: request.voiceUrl,
          method: 'POST',
          statusCallback: request.statusCallbackUrl,
          statusCallbackMethod: 'POST',
          statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
          timeout: request.ringTimeoutSeconds,
          ...(request.recordingStatusCallbackUrl && {
            record: true,
            recordingChannels: 'dual',
            recordingStatusCallback: request.recordingStatusCallbackUrl,
            recordingStatusCallbackMethod: 'POST',
            recordingStatusCallbackEvent: ['completed'],
          }),
          ...(request.machineDetectionCallbackUrl && {
            machineDetection: 'DetectMessageEnd',
            asyncAmd: 'true',
            asyncAmdStatusCallback: request.machineDetectionCallbackUrl,
            asyncAmdStatusCallbackMethod: 'POST',
          }),
        });
        return { callSid: call.sid };
      }),
    fetchCall: (callSid) =>
      translateErrors(async () => {
        const call = await client.calls(callSid).fetch();
        return { status: call.status, durationSeconds: call.duration ? Number(call.duration) : null };
      }),
    downloadRecording: (recordingSid) =>
      translateErrors(async () => {
        // The client has no media download; the recording's .wav URL takes the same Basic auth.
        const response = await fetch(`${apiBase}/2010-04-01/Accounts/${settings.accountSid}/Recordings/${recordingSid}.wav`, { headers: { authorization: basicAuth } });
        if (!response.ok) throw Object.assign(new Error(`recording download failed with HTTP ${response.status}`), { status: response.status });
        return Buffer.from(await response.arrayBuffer());
      }),
    updateCall: (callSid, twiml) => translateErrors(async () => void (await client.calls(callSid).update({ twiml }))),
    joinConference: (callSid, room, options) =>
      translateErrors(async () => {
        const response = new twilio.twiml.VoiceResponse();
        response.dial().conference({ startConferenceOnEnter: true, endConferenceOnExit: options.endConferenceOnExit, beep: 'false' }, room);
        await client.calls(callSid).update({ twiml: response.toString() });
      }),
    findLiveConference: (room, waitMs) =>
      translateErrors(async () => {
        // The room appears once the moved call has run its new TwiML, a moment after the update returned.
        for (const deadline = Date.now() + waitMs; ; await sleep(250)) {
          const [conference] = await client.conferences.list({ friendlyName: room, status: 'in-progress', limit: 1 });
          if (conference) return conference.sid;
          if (Date.now() >= deadline) return null;
        }
      }),
    addParticipant: (conferenceSid, participant: ConferenceParticipant) =>
      translateErrors(async () => {
        const created = await client.conferences(conferenceSid).participants.create({
          to: participant.to,
          from: participant.from,
          label: participant.label,
          beep: 'false',
          earlyMedia: false,
          endConferenceOnExit: participant.endConferenceOnExit,
          ...(participant.ringTimeoutSeconds && { timeout: participant.ringTimeoutSeconds }),
        });
        return { callSid: created.callSid };
      }),
    hangup: (callSid) =>
      translateErrors(async () => {
        try {
          await client.calls(callSid).update({ status: 'completed' });
        } catch (err) {
          // 21220: "Call is not in-progress. Cannot redirect." - it already ended, which is what we wanted.
          if ((err as { code?: number }).code === 21220) return;
          throw err;
        }
      }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function translateErrors<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    const e = err as { status?: number; code?: number; message?: string };
    // 4xx other than 429 will fail the same way again; 5xx, 429 and network errors are worth a retry.
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.status !== 429) {
      throw new TelephonyRejectedError(`${e.message ?? 'rejected by the carrier'}${e.code ? ` (Twilio error ${e.code})` : ''}`, e.code, e.status);
    }
    throw err;
  }
}
