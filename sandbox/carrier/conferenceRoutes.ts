import express, { type Request } from 'express';
import type { CallRegistry } from './callRegistry.js';
import type { FormBody } from './callRequestForms.js';
import { conferenceResource, conferencesPath, participantResource } from './conferenceResource.js';
import type { ConferenceRegistry } from './conferenceRegistry.js';
import type { ConferenceMember, ConferenceRoom, ExpectedParticipant, MemberSettings } from './conferenceRoom.js';
import { booleanField, single } from './formFields.js';
import { listPage, pageRequest } from './listPage.js';
import { parseCreateParticipantForm } from './participantForms.js';
import { TwilioApiError, twilioErrors } from './twilioErrors.js';

const CONFERENCE_SID = /^CF[0-9a-f]{32}$/;

function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** What a REST-dialled participant's leg runs once answered: it joins the room like `<Dial><Conference>`. */
function joinTwiml(room: ConferenceRoom, settings: MemberSettings): string {
  const attributes = `muted="${settings.muted}" startConferenceOnEnter="${settings.startConferenceOnEnter}" endConferenceOnExit="${settings.endConferenceOnExit}" beep="${settings.beep}"`;
  return `<Response><Dial><Conference ${attributes}>${xmlEscape(room.friendlyName)}</Conference></Dial></Response>`;
}

/** Twilio's Conferences and Participants REST API. Mounted under the account path. */
export function conferenceRoutes(calls: CallRegistry, conferences: ConferenceRegistry, accountSid: string): express.Router {
  const router = express.Router({ mergeParams: true });

  const findRoom = (request: Request) => {
    const room = conferences.find(String(request.params.conferenceSid));
    if (!room) throw twilioErrors.notFound(request.path);
    return room;
  };
  /** A participant by CallSid or label: present in the room, or still being dialled. */
  const findParticipant = (request: Request) => {
    const room = findRoom(request);
    const id = String(request.params.participant);
    const member = room.member(id) ?? room.present().find((candidate) => candidate.label === id);
    const expected = room.expected.get(id) ?? [...room.expected.values()].find((candidate) => candidate.label === id);
    const participant = member ?? expected;
    if (!participant) throw twilioErrors.notFound(request.path);
    return { room, member, expected, participant };
  };
  const renderParticipant = (room: ConferenceRoom) => (participant: ConferenceMember | ExpectedParticipant) => participantResource(room, participant, calls.get(participant.callSid));

  router.get('/Conferences.json', (request, response) => {
    const page = pageRequest(request.originalUrl);
    const name = page.filters.get('FriendlyName');
    const status = page.filters.get('Status');
    const listed = conferences.newestFirst().filter((room) => (!name || room.friendlyName === name) && (!status || room.status === status));
    response.json(listPage('conferences', `${conferencesPath(accountSid)}.json`, listed, page, conferenceResource));
  });

  router.get('/Conferences/:conferenceSid.json', (request, response) => {
    response.json(conferenceResource(findRoom(request)));
  });

  router.post('/Conferences/:conferenceSid.json', (request, response) => {
    const room = findRoom(request);
    const status = single((request.body ?? {}) as FormBody, 'Status');
    if (status !== undefined && status !== 'completed') throw twilioErrors.invalidParameter(`Status can only be completed; got ${status}`);
    if (status === 'completed') room.end('conference-ended-via-api');
    response.json(conferenceResource(room));
  });

  router.post('/Conferences/:conferenceSid/Participants.json', (request, response) => {
    const participant = parseCreateParticipantForm((request.body ?? {}) as FormBody);
    // An unknown TwiML App is refused before a conference is created for it.
    calls.callee(participant.to);
    const id = String(request.params.conferenceSid);
    // A friendly name that is not in use yet creates the conference, as with Twilio.
    const room = conferences.find(id) ?? (CONFERENCE_SID.test(id) ? undefined : conferences.open(id));
    if (!room) throw twilioErrors.notFound(request.path);
    if (!room.isActive) throw new TwilioApiError(20404, `Conference ${room.sid} has ended`, 404);
    const { to, from, settings, timeoutSeconds, statusCallback } = participant;
    const call = calls.place({ to, from, instructions: { kind: 'inline', twiml: joinTwiml(room, settings) }, timeoutSeconds, statusCallback });
    const expected = { ...settings, callSid: call.sid, label: participant.label, dateCreated: new Date() };
    room.expected.set(call.sid, expected);
    response.status(201).json(participantResource(room, expected, call));
  });

  router.get('/Conferences/:conferenceSid/Participants.json', (request, response) => {
    const room = findRoom(request);
    const page = pageRequest(request.originalUrl);
    const muted = page.filters.get('Muted');
    const hold = page.filters.get('Hold');
    const dialling = [...room.expected.values()].filter((participant) => calls.get(participant.callSid)?.isLive);
    const listed = [...room.present(), ...dialling].filter(
      (participant) => (!muted || String(participant.muted) === muted) && (!hold || String('hold' in participant ? participant.hold : false) === hold),
    );
    response.json(listPage('participants', `${conferencesPath(accountSid)}/${room.sid}/Participants.json`, listed, page, renderParticipant(room)));
  });

  router.get('/Conferences/:conferenceSid/Participants/:participant.json', (request, response) => {
    const { room, participant } = findParticipant(request);
    response.json(renderParticipant(room)(participant));
  });

  router.post('/Conferences/:conferenceSid/Participants/:participant.json', (request, response) => {
    const { room, member, expected, participant } = findParticipant(request);
    const body = (request.body ?? {}) as FormBody;
    const muted = single(body, 'Muted') === undefined ? undefined : booleanField(body, 'Muted', false);
    const hold = single(body, 'Hold') === undefined ? undefined : booleanField(body, 'Hold', false);
    if (member) member.update({ muted, hold });
    else if (expected && muted !== undefined) expected.muted = muted;
    response.json(renderParticipant(room)(participant));
  });

  router.delete('/Conferences/:conferenceSid/Participants/:participant.json', (request, response) => {
    const { room, member, expected } = findParticipant(request);
    if (member) room.leave(member, 'kicked');
    else if (expected) {
      room.expected.delete(expected.callSid);
      calls.get(expected.callSid)?.hangUp();
    }
    response.status(204).end();
  });

  return router;
}
