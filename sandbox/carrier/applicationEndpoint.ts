import type { AnsweringBusiness, BusinessCallContext, BusinessLine } from '../businesses/business.js';
import { API_VERSION } from './apiVersion.js';
import type { ApplicationAddress } from './applicationAddress.js';
import type { ConferenceRegistry } from './conferenceRegistry.js';
import { ConnectedCall } from './connectedCall.js';
import type { FrameClock } from './frameClock.js';
import { backToBack } from './lineBridge.js';
import type { Notification } from './twimlInterpreter.js';
import { APPLICATION_ERROR_TWIML } from './twimlFailure.js';
import type { WebhookParams } from './webhookSigner.js';

export interface ApplicationEndpointOptions {
  application: ApplicationAddress;
  /** The TwiML App's Voice URL (requested with POST). */
  voiceUrl: string;
  accountSid: string;
  authToken: string;
  clock: FrameClock;
  conferences: ConferenceRegistry;
  newStreamSid(): string;
  /** Problems running the app's TwiML, recorded on the call leg `callSid`. */
  notify(callSid: string, notification: Notification): void;
}

/**
 * The far end of a call placed to a TwiML App (`To=app:AP...`). Once the leg is connected, Twilio requests
 * the app's Voice URL for that same leg (its CallSid, Direction outbound-api, To without the parameters,
 * ApplicationSid, and each custom parameter as its own field) and runs the TwiML it gets back as the
 * other side of the call. A conference participant dialled this way whose app answers `<Connect><Stream>`
 * is therefore a media stream in the room: the stream hears the room's mix, the room hears the stream.
 */
export function applicationEndpoint(options: ApplicationEndpointOptions): AnsweringBusiness {
  const { applicationSid, address } = options.application;
  return {
    id: `application-${applicationSid}`,
    name: `TwiML App ${applicationSid}`,
    number: address,
    pickup: 'answer',
    // No phone rings at an application: it answers as soon as the call is connected.
    rings: 0,
    answer: (context) => answerWithApplication(context, options),
  };
}

function answerWithApplication(context: BusinessCallContext, options: ApplicationEndpointOptions): BusinessLine {
  const { outboundParty, inboundParty } = backToBack();
  outboundParty.context = context;
  // Twilio's own fields win over custom parameters of the same name.
  const params: WebhookParams = {
    ...options.application.customParameters,
    AccountSid: options.accountSid,
    ApiVersion: API_VERSION,
    ApplicationSid: options.application.applicationSid,
    CallSid: context.callSid,
    CallStatus: 'in-progress',
    Called: context.to,
    Caller: context.from,
    Direction: 'outbound-api',
    From: context.from,
    To: context.to,
  };
  const notify = (notification: Notification) => options.notify(context.callSid, notification);
  const application = new ConnectedCall({
    callSid: context.callSid,
    accountSid: options.accountSid,
    authToken: options.authToken,
    clock: options.clock,
    line: inboundParty,
    conferences: options.conferences,
    newStreamSid: options.newStreamSid,
    requestParams: () => params,
    notify,
  });
  inboundParty.context = { ...context, hangUp: () => application.end(), pressDigit: (digit) => application.sendDigitToCaller(digit) };
  void runApplication(application, options.voiceUrl, notify);
  return outboundParty;
}

/** Runs the app's TwiML; when it is done (or failed, after Twilio's error message) the leg hangs up. */
async function runApplication(application: ConnectedCall, voiceUrl: string, notify: (notification: Notification) => void): Promise<void> {
  try {
    const outcome = await application.execute({ kind: 'url', url: voiceUrl, method: 'POST' });
    if (outcome.kind === 'aborted') return;
    if (outcome.kind === 'error') {
      notify(outcome.notification);
      const apology = await application.execute({ kind: 'inline', twiml: APPLICATION_ERROR_TWIML });
      if (apology.kind === 'aborted') return;
    }
  } catch (error) {
    notify({ code: null, message: `sandbox carrier error: ${(error as Error).message}` });
  }
  application.end();
}
