import { dialTarget, type ConferenceInstruction } from './dialVerb.js';
import { PLAYABLE_DIGITS } from './dtmfTones.js';
import { TwimlFailure } from './twimlFailure.js';
import { childElements, parseTwiml, textOf, TwimlParseError, type XmlElement } from './twimlParser.js';
import { sendWebhook, type HttpMethod } from './webhookRequest.js';
import type { WebhookParams } from './webhookSigner.js';

export type TwimlSource = { kind: 'inline'; twiml: string } | { kind: 'url'; url: string; method: HttpMethod };

export interface StreamInstruction {
  url: string;
  customParameters: Record<string, string>;
}

export interface Notification {
  /** Twilio's error/warning code where one exists, null for sandbox-only notes. */
  code: number | null;
  message: string;
}

/** What running TwiML needs from the call it controls. Every action resolves early when `signal` aborts. */
export interface CallControl {
  readonly authToken: string;
  say(text: string, language: string | undefined, signal: AbortSignal): Promise<void>;
  pause(seconds: number, signal: AbortSignal): Promise<void>;
  playDigits(digits: string, signal: AbortSignal): Promise<void>;
  /** Resolves when the stream ends: the application closed it, or `signal` aborted. */
  connectStream(stream: StreamInstruction, signal: AbortSignal): Promise<void>;
  /** Resolves when the call is out of the room: removed, the conference ended, or `signal` aborted. */
  joinConference(conference: ConferenceInstruction, signal: AbortSignal): Promise<void>;
  /** The parameters Twilio sends with every TwiML request (CallSid, CallStatus, ...). */
  requestParams(): WebhookParams;
  notify(notification: Notification): void;
}

export type TwimlOutcome = { kind: 'hangup' } | { kind: 'aborted' } | { kind: 'error'; notification: Notification };

/** Verbs Twilio knows that this sandbox does not act on yet: skipped with a notification. */
const UNSUPPORTED_VERBS = new Set(['Gather', 'Record', 'Enqueue', 'Leave', 'Reject', 'Sms', 'Start', 'Stop', 'Refer', 'Pay', 'Prompt', 'Echo', 'Queue']);
const MAX_SAY_LOOPS = 1000;

interface LoadedDocument {
  verbs: XmlElement[];
  /** Where relative URLs in this document resolve from (undefined for inline TwiML). */
  baseUrl: string | undefined;
}

function resolveUrl(reference: string, baseUrl: string | undefined): string {
  try {
    const url = new URL(reference, baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    return url.toString();
  } catch {
    throw new TwimlFailure({ code: 11100, message: `Invalid URL format: ${reference}` });
  }
}

function methodOf(element: XmlElement): HttpMethod {
  const method = (element.attributes.method ?? 'POST').toUpperCase();
  if (method !== 'GET' && method !== 'POST') {
    throw new TwimlFailure({ code: 12100, message: `<${element.name}> method must be GET or POST, got ${method}` });
  }
  return method;
}

/**
 * Executes TwiML for one call the way Twilio does: verbs in order, <Redirect> and <Connect action>
 * replace the document, reaching the end of a document hangs up. Fetch failures are Twilio's 11200,
 * unparseable or invalid TwiML its 12100; both end the run with an error outcome.
 */
export async function runTwiml(source: TwimlSource, control: CallControl, signal: AbortSignal): Promise<TwimlOutcome> {
  try {
    let document = await load(source, control, signal);
    for (let index = 0; index < document.verbs.length; index++) {
      if (signal.aborted) return { kind: 'aborted' };
      const verb = document.verbs[index];
      const next = await execute(verb, document.baseUrl, control, signal);
      if (next === 'hangup') return { kind: 'hangup' };
      if (next !== 'continue') {
        document = await load(next, control, signal);
        index = -1;
      }
    }
    return signal.aborted ? { kind: 'aborted' } : { kind: 'hangup' };
  } catch (error) {
    if (signal.aborted) return { kind: 'aborted' };
    if (error instanceof TwimlFailure) return { kind: 'error', notification: error.notification };
    throw error;
  }
}

async function load(source: TwimlSource, control: CallControl, signal: AbortSignal): Promise<LoadedDocument> {
  let text: string;
  if (source.kind === 'inline') {
    text = source.twiml;
  } else {
    try {
      const response = await sendWebhook({ url: source.url, method: source.method, params: control.requestParams(), authToken: control.authToken, signal });
      if (response.status < 200 || response.status > 299) throw new Error(`HTTP ${response.status}`);
      text = response.body;
    } catch (error) {
      throw new TwimlFailure({ code: 11200, message: `HTTP retrieval failure: ${source.url}: ${(error as Error).message}` });
    }
  }
  try {
    const root = parseTwiml(text);
    return { verbs: childElements(root), baseUrl: source.kind === 'url' ? source.url : undefined };
  } catch (error) {
    if (error instanceof TwimlParseError) throw new TwimlFailure({ code: 12100, message: `Document parse failure: ${error.message}` });
    throw error;
  }
}

type Next = 'continue' | 'hangup' | TwimlSource;

async function execute(verb: XmlElement, baseUrl: string | undefined, control: CallControl, signal: AbortSignal): Promise<Next> {
  switch (verb.name) {
    case 'Say':
      await say(verb, control, signal);
      return 'continue';
    case 'Pause': {
      const length = Number(verb.attributes.length ?? '1');
      if (!Number.isInteger(length) || length < 0) throw new TwimlFailure({ code: 12100, message: `<Pause length="${verb.attributes.length}"> is not a whole number of seconds` });
      await control.pause(length, signal);
      return 'continue';
    }
    case 'Play':
      await play(verb, control, signal);
      return 'continue';
    case 'Hangup':
      return 'hangup';
    case 'Redirect':
      return { kind: 'url', url: resolveUrl(textOf(verb), baseUrl), method: methodOf(verb) };
    case 'Connect':
      return connect(verb, baseUrl, control, signal);
    case 'Dial':
      return dial(verb, baseUrl, control, signal);
    default:
      if (UNSUPPORTED_VERBS.has(verb.name)) {
        control.notify({ code: null, message: `<${verb.name}> is not supported by the sandbox carrier; skipped` });
        return 'continue';
      }
      throw new TwimlFailure({ code: 12100, message: `Document parse failure: <${verb.name}> is not a TwiML verb` });
  }
}

async function say(verb: XmlElement, control: CallControl, signal: AbortSignal): Promise<void> {
  const text = textOf(verb);
  const loop = Number(verb.attributes.loop ?? '1');
  if (!Number.isInteger(loop) || loop < 0) throw new TwimlFailure({ code: 12100, message: `<Say loop="${verb.attributes.loop}"> is invalid` });
  if (!text) return;
  const times = loop === 0 ? MAX_SAY_LOOPS : loop;
  for (let i = 0; i < times && !signal.aborted; i++) await control.say(text, verb.attributes.language, signal);
}

async function play(verb: XmlElement, control: CallControl, signal: AbortSignal): Promise<void> {
  const digits = verb.attributes.digits;
  if (digits === undefined) {
    control.notify({ code: null, message: '<Play> of an audio URL is not supported by the sandbox carrier; skipped' });
    return;
  }
  if (!PLAYABLE_DIGITS.test(digits)) throw new TwimlFailure({ code: 12100, message: `<Play digits="${digits}"> may contain only 0-9, *, # and w` });
  await control.playDigits(digits, signal);
}

async function connect(verb: XmlElement, baseUrl: string | undefined, control: CallControl, signal: AbortSignal): Promise<Next> {
  const [noun, ...others] = childElements(verb);
  if (!noun || others.length > 0) throw new TwimlFailure({ code: 12100, message: '<Connect> must contain exactly one noun' });
  if (noun.name !== 'Stream') {
    control.notify({ code: null, message: `<Connect><${noun.name}> is not supported by the sandbox carrier; skipped` });
  } else {
    await control.connectStream(streamInstruction(noun), signal);
  }
  if (signal.aborted || verb.attributes.action === undefined) return 'continue';
  return { kind: 'url', url: resolveUrl(verb.attributes.action, baseUrl), method: methodOf(verb) };
}

/** `<Dial><Conference>`: in the room until out of it, then the action URL or the next verb. */
async function dial(verb: XmlElement, baseUrl: string | undefined, control: CallControl, signal: AbortSignal): Promise<Next> {
  const target = dialTarget(verb);
  if (target.kind === 'unsupported') {
    control.notify({ code: null, message: `${target.what} is not supported by the sandbox carrier; skipped` });
    return 'continue';
  }
  await control.joinConference(target.conference, signal);
  if (signal.aborted || verb.attributes.action === undefined) return 'continue';
  return { kind: 'url', url: resolveUrl(verb.attributes.action, baseUrl), method: methodOf(verb) };
}

function streamInstruction(stream: XmlElement): StreamInstruction {
  const url = stream.attributes.url;
  if (!url) throw new TwimlFailure({ code: 12100, message: '<Stream> needs a url attribute' });
  const customParameters: Record<string, string> = {};
  for (const parameter of childElements(stream)) {
    const { name, value } = parameter.attributes;
    if (parameter.name !== 'Parameter' || name === undefined || value === undefined) {
      throw new TwimlFailure({ code: 12100, message: '<Stream> may contain only <Parameter name="..." value="..."/>' });
    }
    customParameters[name] = value;
  }
  return { url, customParameters };
}
