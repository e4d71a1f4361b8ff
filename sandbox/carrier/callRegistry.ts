import type { BusinessDirectory } from '../businesses/businessDirectory.js';
import { CallSession, type NetworkTiming } from './callSession.js';
import type { FrameClock } from './frameClock.js';
import type { SidPrefix } from './sids.js';
import type { StatusCallbackEvent } from './statusCallbacks.js';
import type { TwimlSource } from './twimlInterpreter.js';
import type { HttpMethod } from './webhookRequest.js';

export interface PlaceCallRequest {
  to: string;
  from: string;
  instructions: TwimlSource;
  timeoutSeconds: number;
  statusCallback: { url: string | undefined; method: HttpMethod; events: ReadonlySet<StatusCallbackEvent> };
}

export interface CallRegistryOptions {
  accountSid: string;
  authToken: string;
  businesses: BusinessDirectory;
  clock: FrameClock;
  seed: string;
  timing: NetworkTiming;
  newSid(prefix: SidPrefix): string;
}

/** Every call the carrier has placed, newest first (the order Twilio lists them in). */
export class CallRegistry {
  private readonly calls = new Map<string, CallSession>();

  constructor(private readonly options: CallRegistryOptions) {}

  place(request: PlaceCallRequest): CallSession {
    const { accountSid, authToken, businesses, clock, seed, timing, newSid } = this.options;
    const call = new CallSession({
      ...request,
      sid: newSid('CA'),
      accountSid,
      authToken,
      business: businesses.find(request.to),
      clock,
      seed,
      timing,
      newStreamSid: () => newSid('MZ'),
    });
    this.calls.set(call.sid, call);
    return call;
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
}
