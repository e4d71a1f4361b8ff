import { API_VERSION } from './apiVersion.js';
import type { CallSession } from './callSession.js';
import type { ConferenceMember, ConferenceRoom, ExpectedParticipant } from './conferenceRoom.js';
import { rfc2822 } from './statusCallbacks.js';

export type ParticipantStatus = 'queued' | 'connecting' | 'ringing' | 'connected' | 'complete' | 'failed';

export function conferencesPath(accountSid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}/Conferences`;
}

/** The room as Twilio's 2010-04-01 Conference resource renders it. */
export function conferenceResource(room: ConferenceRoom) {
  const base = `${conferencesPath(room.accountSid)}/${room.sid}`;
  return {
    account_sid: room.accountSid,
    api_version: API_VERSION,
    call_sid_ending_conference: room.callSidEndingConference,
    date_created: rfc2822(room.dateCreated),
    date_updated: rfc2822(room.dateUpdated),
    friendly_name: room.friendlyName,
    reason_conference_ended: room.reasonEnded,
    region: 'us1',
    sid: room.sid,
    status: room.status,
    subresource_uris: {
      participants: `${base}/Participants.json`,
      recordings: `${base}/Recordings.json`,
    },
    uri: `${base}.json`,
  };
}

/** A participant dialled through the REST API who is not in the room yet: where their call is. */
function dialledStatus(call: CallSession | undefined): ParticipantStatus {
  switch (call?.status) {
    case 'queued':
      return 'queued';
    case 'ringing':
      return 'ringing';
    case 'in-progress':
      return 'connecting';
    default:
      return 'failed';
  }
}

/** A member, or a participant still being dialled, as Twilio's Participant resource renders it. */
export function participantResource(room: ConferenceRoom, participant: ConferenceMember | ExpectedParticipant, call: CallSession | undefined) {
  const member = 'present' in participant ? participant : undefined;
  return {
    account_sid: room.accountSid,
    call_sid: participant.callSid,
    call_sid_to_coach: null,
    coaching: false,
    conference_sid: room.sid,
    date_created: rfc2822(participant.dateCreated),
    date_updated: rfc2822(member?.dateUpdated ?? participant.dateCreated),
    end_conference_on_exit: participant.endConferenceOnExit,
    hold: member?.hold ?? false,
    label: participant.label,
    muted: participant.muted,
    queue_time: '0',
    start_conference_on_enter: participant.startConferenceOnEnter,
    status: member ? (member.present ? 'connected' : 'complete') : dialledStatus(call),
    uri: `${conferencesPath(room.accountSid)}/${room.sid}/Participants/${participant.callSid}.json`,
  };
}
