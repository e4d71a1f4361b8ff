import type { Telephony } from '../../telephony/telephony.js';

/** A carrier that accepts every request and does nothing: for exercising the audio path alone. */
export const noTelephony: Telephony = {
  placeCall: async () => ({ callSid: 'CA' + '0'.repeat(32) }),
  fetchCall: async () => ({ status: 'in-progress', durationSeconds: null }),
  updateCall: async () => undefined,
  hangup: async () => undefined,
  downloadRecording: async () => Buffer.alloc(0),
  joinConference: async () => undefined,
  findLiveConference: async () => null,
  addParticipant: async () => ({ callSid: 'CA' + '0'.repeat(32) }),
};
