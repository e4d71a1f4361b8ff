import type { PlaceCallRequest } from './callRegistry.js';
import { STATUS_CALLBACK_EVENTS, type StatusCallbackEvent } from './statusCallbacks.js';
import { twilioErrors } from './twilioErrors.js';
import type { TwimlSource } from './twimlInterpreter.js';
import type { HttpMethod } from './webhookRequest.js';

/** A form body as express.urlencoded parses it: repeated keys become arrays. */
export type FormBody = Record<string, string | string[] | undefined>;

export type CallUpdate = { kind: 'status'; status: 'completed' | 'canceled' } | { kind: 'redirect'; instructions: TwimlSource };

const E164 = /^\+[1-9]\d{1,14}$/;
const MAX_TIMEOUT_SECONDS = 600;

function single(body: FormBody, key: string): string | undefined {
  const value = body[key];
  if (Array.isArray(value)) throw twilioErrors.invalidParameter(`${key} must be given once`);
  return value === undefined || value === '' ? undefined : value;
}

function httpMethod(body: FormBody, key: string): HttpMethod {
  const method = (single(body, key) ?? 'POST').toUpperCase();
  if (method !== 'GET' && method !== 'POST') throw twilioErrors.invalidMethod(method);
  return method;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Twiml wins over Url, as with Twilio; neither is Twilio's 21205. */
function instructions(body: FormBody): TwimlSource {
  const twiml = single(body, 'Twiml');
  if (twiml !== undefined) return { kind: 'inline', twiml };
  const url = single(body, 'Url');
  if (url === undefined) throw twilioErrors.missingUrl();
  if (!isHttpUrl(url)) throw twilioErrors.invalidUrl(url);
  return { kind: 'url', url, method: httpMethod(body, 'Method') };
}

function statusCallbackEvents(body: FormBody): Set<StatusCallbackEvent> {
  const raw = body.StatusCallbackEvent;
  if (raw === undefined) return new Set(['completed']);
  // The official clients repeat the key; some callers send one space-separated value.
  const names = (Array.isArray(raw) ? raw : [raw]).flatMap((value) => value.split(/\s+/)).filter(Boolean);
  for (const name of names) {
    if (!(STATUS_CALLBACK_EVENTS as readonly string[]).includes(name)) {
      throw twilioErrors.invalidStatusCallbackEvent(name);
    }
  }
  return new Set(names as StatusCallbackEvent[]);
}

function timeoutSeconds(body: FormBody): number {
  const raw = single(body, 'Timeout');
  if (raw === undefined) return 60;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1) throw twilioErrors.invalidParameter(`Timeout must be a positive whole number of seconds; got ${raw}`);
  return Math.min(seconds, MAX_TIMEOUT_SECONDS);
}

/**
 * Validates a Calls.json create form. Recording and answering-machine-detection parameters (Record,
 * MachineDetection, AsyncAmd, ...) are accepted and ignored for now.
 */
export function parseCreateCallForm(body: FormBody): PlaceCallRequest {
  const to = single(body, 'To');
  if (to === undefined) throw twilioErrors.missingTo();
  if (!E164.test(to)) throw twilioErrors.invalidTo(to);
  const from = single(body, 'From');
  if (from === undefined) throw twilioErrors.missingFrom();
  if (!E164.test(from)) throw twilioErrors.invalidFrom(from);
  const callbackUrl = single(body, 'StatusCallback');
  if (callbackUrl !== undefined && !isHttpUrl(callbackUrl)) throw twilioErrors.invalidParameter(`StatusCallback is not a valid URL: ${callbackUrl}`);
  return {
    to,
    from,
    instructions: instructions(body),
    timeoutSeconds: timeoutSeconds(body),
    statusCallback: { url: callbackUrl, method: httpMethod(body, 'StatusCallbackMethod'), events: statusCallbackEvents(body) },
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
