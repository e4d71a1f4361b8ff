/** The carrier operations the app needs; Twilio implements them today, another carrier could tomorrow. */
export interface Telephony {
  placeCall(request: PlaceCallRequest): Promise<{ callSid: string }>;
  fetchCall(callSid: string): Promise<{ status: string; durationSeconds: number | null }>;
  /** Replaces what a live call is doing with new TwiML (ends its current media stream). */
  updateCall(callSid: string, twiml: string): Promise<void>;
  hangup(callSid: string): Promise<void>;
}

export interface PlaceCallRequest {
  to: string;
  from: string;
  /** Where the carrier fetches the call's instructions (TwiML) once answered. */
  voiceUrl: string;
  statusCallbackUrl: string;
  ringTimeoutSeconds: number;
}

/** The carrier refused the request; retrying it unchanged cannot help (bad number, auth, ...). */
export class TelephonyRejectedError extends Error {
  constructor(message: string, readonly code: number | undefined, readonly httpStatus: number) {
    super(message);
    this.name = 'TelephonyRejectedError';
  }
}
