/** The carrier operations the app needs; Twilio implements them today, another carrier could tomorrow. */
export interface Telephony {
  placeCall(request: PlaceCallRequest): Promise<{ callSid: string }>;
  fetchCall(callSid: string): Promise<{ status: string; durationSeconds: number | null }>;
  /** Replaces what a live call is doing with new TwiML (ends its current media stream). */
  updateCall(callSid: string, twiml: string): Promise<void>;
  hangup(callSid: string): Promise<void>;
  /** The audio of a finished recording, as WAV. */
  downloadRecording(recordingSid: string): Promise<Buffer>;
  /** Moves a live call into a conference room (ends its media stream); the room opens when it enters. */
  joinConference(callSid: string, room: string, options: { endConferenceOnExit: boolean }): Promise<void>;
  /** The SID of the live conference with this name, once it exists (null if it does not within `waitMs`). */
  findLiveConference(room: string, waitMs: number): Promise<string | null>;
  /** Dials someone (a number, or `app:AP...?name=value` for a TwiML App leg) into a live conference. */
  addParticipant(conferenceSid: string, participant: ConferenceParticipant): Promise<{ callSid: string }>;
}

export interface ConferenceParticipant {
  to: string;
  from: string;
  /** Names the leg in the conference (agent, user). */
  label: string;
  /** The conference ends, and every other leg with it, when this participant leaves. */
  endConferenceOnExit: boolean;
  ringTimeoutSeconds?: number;
}

export interface PlaceCallRequest {
  to: string;
  from: string;
  /** Where the carrier fetches the call's instructions (TwiML) once answered. */
  voiceUrl: string;
  statusCallbackUrl: string;
  ringTimeoutSeconds: number;
  /** Record both channels; the carrier reports the recording to this URL when it is ready. */
  recordingStatusCallbackUrl?: string;
  /** Answering-machine detection, reported asynchronously to this URL (AnsweredBy). */
  machineDetectionCallbackUrl?: string;
}

/** The carrier refused the request; retrying it unchanged cannot help (bad number, auth, ...). */
export class TelephonyRejectedError extends Error {
  constructor(message: string, readonly code: number | undefined, readonly httpStatus: number) {
    super(message);
    this.name = 'TelephonyRejectedError';
  }
}
