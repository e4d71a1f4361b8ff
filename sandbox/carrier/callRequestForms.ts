import { parseApplicationAddress } from './applicationAddress.js';
import type { PlaceCallRequest } from './callRegistry.js';
import { parseMachineDetectionRequest, parseRecordingRequest } from './callOptionForms.js';
import { eventList, httpMethod, isHttpUrl, optionalUrl, single, type FormBody } from './formFields.js';
import { STATUS_CALLBACK_EVENTS } from './statusCallbacks.js';
import { twilioErrors } from './twilioErrors.js';
import type { TwimlSource } from './twimlInterpreter.js';

export type { FormBody } from './formFields.js';

export type CallUpdate = { kind: 'status'; status: 'completed' | 'canceled' } | { kind: 'redirect'; instructions: TwimlSource };

export const E164 = /^\+[1-9]\d{1,14}$/;
const MAX_TIMEOUT_SECONDS = 600;

/** Twiml wins over Url, as with Twilio; neither is Twilio's 21205. */
function instructions(body: FormBody): TwimlSource {
  const twiml = single(body, 'Twiml');
  if (twiml !== undefined) return { kind: 'inline', twiml };
  const url = single(body, 'Url');
  if (url === undefined) throw twilioErrors.missingUrl();
  if (!isHttpUrl(url)) throw twilioErrors.invalidUrl(url);
  return { kind: 'url', url, method: httpMethod(body, 'Method') };
}

export function timeoutSeconds(body: FormBody): number {
  const raw = single(body, 'Timeout');
  if (raw === undefined) return 60;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1) throw twilioErrors.invalidParameter(`Timeout must be a positive whole number of seconds; got ${raw}`);
  return Math.min(seconds, MAX_TIMEOUT_SECONDS);
}

/**
 * To and From, both required (Twilio's 21201 and 21213): From an E.164 number, To one or a TwiML App's
 * `app:AP...` address (otherwise 21211 and 21212).
 */
export function parties(body: FormBody): { to: string; from: string } {
  const to = single(body, 'To');
  if (to === undefined) throw twilioErrors.missingTo();
  if (!E164.test(to) && !parseApplicationAddress(to)) throw twilioErrors.invalidTo(to);
  const from = single(body, 'From');
  if (from === undefined) throw twilioErrors.missingFrom();
  if (!E164.test(from)) throw twilioErrors.invalidFrom(from);
  return { to, from };
}

export function statusCallback(body: FormBody): PlaceCallRequest['statusCallback'] {
  return {
    url: optionalUrl(body, 'StatusCallback'),
    method: httpMethod(body, 'StatusCallbackMethod'),
    events: eventList(body, 'StatusCallbackEvent', STATUS_CALLBACK_EVENTS, ['completed'], twilioErrors.invalidStatusCallbackEvent),
  };
}

/** Validates a Calls.json create form, recording and answering machine detection included. */
export function parseCreateCallForm(body: FormBody): PlaceCallRequest {
  const { to, from } = parties(body);
  return {
    to,
    from,
    instructions: instructions(body),
    timeoutSeconds: timeoutSeconds(body),
    statusCallback: statusCallback(body),
    recording: parseRecordingRequest(body),
    machineDetection: parseMachineDetectionRequest(body),
  };
}

/** Validates a Calls/{Sid}.json update form: a Status change or new TwiML (Twiml or Url). */
export function parseUpdateCallForm(body: FormBody): CallUpdate {
  const status = single(body, 'Status');
  if (status !== undefined) {
    if (status !== 'completed' && status !== 'canceled') throw twilioErrors.invalidParameter(`Status must be completed or canceled; got ${status}`);
    return { kind: 'status', status };
  }
  if (single(body, 'Twiml') === undefined && single(body, 'Url') === undefined) {
    throw twilioErrors.invalidParameter('Provide Status, Twiml or Url to update a call');
  }
  return { kind: 'redirect', instructions: instructions(body) };
}
