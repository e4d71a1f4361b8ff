import type { PlaceCallRequest } from './callRegistry.js';
import { parties, statusCallback } from './callRequestForms.js';
import { CONFERENCE_BEEPS, isConferenceBeep } from './conferenceBeep.js';
import type { MemberSettings } from './conferenceRoom.js';
import { booleanField, single, wholeNumberField, type FormBody } from './formFields.js';
import { twilioErrors } from './twilioErrors.js';

export interface ParticipantRequest {
  /** A number, or a TwiML App's `app:AP...` address with its custom parameters. */
  to: string;
  from: string;
  label: string | null;
  settings: MemberSettings;
  timeoutSeconds: number;
  statusCallback: PlaceCallRequest['statusCallback'];
}

/** Validates a Participants.json create form (the subset the sandbox acts on, with Twilio's defaults and ranges). */
export function parseCreateParticipantForm(body: FormBody): ParticipantRequest {
  const { to, from } = parties(body);
  const beep = single(body, 'Beep') ?? 'true';
  if (!isConferenceBeep(beep)) throw twilioErrors.invalidParameter(`Beep must be one of ${CONFERENCE_BEEPS.join(', ')}; got ${beep}`);
  // Checked like Twilio does, though the sandbox has no early media (ringback) for it to pass on.
  booleanField(body, 'EarlyMedia', true);
  return {
    to,
    from,
    label: single(body, 'Label') ?? null,
    settings: {
      muted: booleanField(body, 'Muted', false),
      startConferenceOnEnter: booleanField(body, 'StartConferenceOnEnter', true),
      endConferenceOnExit: booleanField(body, 'EndConferenceOnExit', false),
      beep,
    },
    timeoutSeconds: wholeNumberField(body, 'Timeout', { min: 5, max: 600, fallback: 60 }),
    statusCallback: statusCallback(body),
  };
}
