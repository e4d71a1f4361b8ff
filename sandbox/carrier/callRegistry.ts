import type { AnsweringBusiness, Business } from '../businesses/business.js';
import { parseApplicationAddress } from './applicationAddress.js';
import { applicationEndpoint } from './applicationEndpoint.js';
import type { CallParty } from './callParty.js';
import type { RecordingRequest } from './callRecording.js';
import { CallSession, type CallSessionOptions } from './callSession.js';
import type { ConferenceRegistry } from './conferenceRegistry.js';
import type { FrameClock } from './frameClock.js';
import { backToBack } from './lineBridge.js';
import type { MachineDetectionRequest } from './machineDetector.js';
import type { NetworkTiming } from './networkTiming.js';
import type { RecordingRegistry } from './recordingRegistry.js';
import type { SidPrefix } from './sids.js';
import type { StatusCallbackEvent } from './statusCallbacks.js';
import { twilioErrors } from './twilioErrors.js';
import type { TwimlSource } from './twimlInterpreter.js';
import type { HttpMethod } from './webhookRequest.js';

export interface PlaceCallRequest {
  /** An E.164 number, or a TwiML App's `app:AP...` address with its custom parameters. */
  to: string;
  from: string;
  instructions: TwimlSource;
  timeoutSeconds: number;
  statusCallback: { url: string | undefined; method: HttpMethod; events: ReadonlySet<StatusCallbackEvent> };
  recording?: RecordingRequest;
  machineDetection?: MachineDetectionRequest;
}

export interface ReceiveCallRequest {
  to: string;
  from: string;
  caller: CallParty;
}

export interface CallRegistryOptions {
  accountSid: string;
  authToken: string;
  /** Who answers a number: a business or a person of the sandbox. */
  directory(number: string): Business | undefined;
  /** The application's own number and voice webhook: calls to it arrive there as inbound calls. */
  application: { number: string; voiceUrl: string | undefined };
  /** TwiML Apps (SID -> Voice URL) that calls and participants can be placed to as `app:AP...`. */
  applications: ReadonlyMap<string, string>;
  clock: FrameClock;
  conferences: ConferenceRegistry;
  recordings: RecordingRegistry;
  seed: string;
  timing: NetworkTiming;
  newSid(prefix: SidPrefix): string;
}

/** What differs from call to call; the rest of a session's options are the carrier's. */
type CallRequest = Omit<CallSessionOptions, 'sid' | 'accountSid' | 'authToken' | 'clock' | 'conferences' | 'recordings' | 'seed' | 'timing' | 'newStreamSid'>;

/** Every call the carrier has placed or received, newest first (the order Twilio lists them in). */
export class CallRegistry {
  private readonly calls = new Map<string, CallSession>();

  constructor(private readonly options: CallRegistryOptions) {}

  get inboundVoiceUrl(): string | undefined {
    return this.options.application.voiceUrl;
  }

  get applicationNumber(): string {
    return this.options.application.number;
  }

  place(request: PlaceCallRequest): CallSession {
    const { to, business } = this.callee(request.to);
    return this.add({ ...request, to, direction: 'outbound-api', business });
  }

  /**
   * Who answers a call placed to `to`, and the call's To as Twilio shows it (a TwiML App's address loses
   * its parameters). A number nobody serves has no answerer (the call will fail); an unknown TwiML App is
   * refused at once with Twilio's 21218.
   */
  callee(to: string): { to: string; business: Business | undefined } {
    const application = parseApplicationAddress(to);
    if (!application) return { to, business: this.answererOf(to) };
    const voiceUrl = this.options.applications.get(application.applicationSid);
    if (!voiceUrl) throw twilioErrors.unknownApplication(application.applicationSid);
    const { accountSid, authToken, clock, conferences, newSid } = this.options;
    return {
      to: application.address,
      business: applicationEndpoint({
        application,
        voiceUrl,
        accountSid,
        authToken,
        clock,
        conferences,
        newStreamSid: () => newSid('MZ'),
        notify: (callSid, notification) => this.calls.get(callSid)?.notifications.push(notification),
      }),
    };
  }

  /** A call to the application's number: Twilio fetches the inbound voice URL and runs its TwiML. */
  receive(request: ReceiveCallRequest): CallSession {
    const voiceUrl = this.options.application.voiceUrl;
    if (!voiceUrl) throw new Error('no inbound voice URL is configured (SANDBOX_INBOUND_URL)');
    return this.add({
      ...request,
      direction: 'inbound',
      business: undefined,
      instructions: { kind: 'url', url: voiceUrl, method: 'POST' },
      timeoutSeconds: 60,
      statusCallback: { url: undefined, method: 'POST', events: new Set() },
    });
  }

  get(sid: string): CallSession | undefined {
    return this.calls.get(sid);
  }

  newestFirst(): CallSession[] {
    return [...this.calls.values()].reverse();
  }

  shutdown(): void {
    for (const call of this.calls.values()) call.shutdown();
  }

  private add(request: CallRequest): CallSession {
    const { accountSid, authToken, clock, conferences, recordings, seed, timing, newSid } = this.options;
    const call = new CallSession({ ...request, sid: newSid('CA'), accountSid, authToken, clock, conferences, recordings, seed, timing, newStreamSid: () => newSid('MZ') });
    this.calls.set(call.sid, call);
    return call;
  }

  private answererOf(number: string): Business | undefined {
    const { application } = this.options;
    if (number !== application.number || !application.voiceUrl) return this.options.directory(number);
    return this.applicationLine(number);
  }

  /** The application's number answers on the first ring by receiving the call as an inbound leg. */
  private applicationLine(number: string): AnsweringBusiness {
    return {
      id: 'application',
      name: 'The application (inbound voice URL)',
      number,
      pickup: 'answer',
      rings: 1,
      answer: (outboundContext) => {
        const { outboundParty, inboundParty } = backToBack();
        outboundParty.context = outboundContext;
        this.receive({
          to: number,
          from: outboundContext.from,
          caller: {
            id: 'carrier-leg',
            name: `Call ${outboundContext.callSid}`,
            answer: (inboundContext) => {
              inboundParty.context = inboundContext;
              return inboundParty;
            },
          },
        });
        return outboundParty;
      },
    };
  }
}
