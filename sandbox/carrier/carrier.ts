import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Business } from '../businesses/business.js';
import type { BusinessDirectory } from '../businesses/businessDirectory.js';
import { sandboxPeople } from '../callers/sandboxPeople.js';
import { CallRegistry } from './callRegistry.js';
import { ConferenceRegistry } from './conferenceRegistry.js';
import { FrameClock } from './frameClock.js';
import { DEFAULT_NETWORK_TIMING, type NetworkTiming } from './networkTiming.js';
import { RecordingRegistry } from './recordingRegistry.js';
import { restRoutes, twilioErrorHandler } from './restRoutes.js';
import { sandboxRoutes } from './sandboxRoutes.js';
import { createSidFactory } from './sids.js';

export interface CarrierOptions {
  host?: string;
  port: number;
  accountSid: string;
  authToken: string;
  businesses: BusinessDirectory;
  /** People who can be dialled besides the businesses (default: the sandbox's, e.g. Jane's phone). */
  people?: readonly Business[];
  /** The voice webhook of the application's number: where inbound calls are sent (Twilio POSTs it). */
  inboundVoiceUrl?: string;
  /** The application's own number: calls to it arrive at `inboundVoiceUrl`. */
  applicationNumber?: string;
  /** TwiML Apps (SID -> Voice URL): calls and conference participants placed `To=app:AP...` run their TwiML. */
  applications?: Record<string, string>;
  /** Makes SIDs and per-call business facts reproducible. */
  seed?: string;
  /** Overrides of the simulated network's delays (ring length...). */
  timing?: Partial<NetworkTiming>;
}

export interface RunningCarrier {
  url: string;
  port: number;
  close(): Promise<void>;
}

const DEFAULT_SEED = 'sandbox';
/** The app's default TWILIO_FROM_NUMBER (common/config.ts). */
const DEFAULT_APPLICATION_NUMBER = '+12125550100';

/**
 * A local stand-in for Twilio: the Calls, Recordings and Conferences REST APIs, signed status,
 * recording and AMD callbacks, TwiML webhooks and Media Streams, in front of the sandbox's scripted
 * businesses and people and the application's TwiML Apps, plus scripted callers phoning the
 * application's number. Point the official client at it with `client.api.baseUrl = carrier.url`.
 */
export async function startCarrier(options: CarrierOptions): Promise<RunningCarrier> {
  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let url = '';
  const clock = new FrameClock();
  const newSid = createSidFactory(options.seed);
  const { accountSid, authToken } = options;
  const people = new Map((options.people ?? sandboxPeople()).map((person) => [person.number, person]));
  const conferences = new ConferenceRegistry({ accountSid, newSid });
  const recordings = new RecordingRegistry({ accountSid, authToken, newSid, publicUrl: () => url });
  const calls = new CallRegistry({
    accountSid,
    authToken,
    directory: (number) => options.businesses.find(number) ?? people.get(number),
    application: { number: options.applicationNumber ?? DEFAULT_APPLICATION_NUMBER, voiceUrl: options.inboundVoiceUrl },
    applications: new Map(Object.entries(options.applications ?? {})),
    clock,
    conferences,
    recordings,
    seed: options.seed ?? DEFAULT_SEED,
    timing: { ...DEFAULT_NETWORK_TIMING, ...options.timing },
    newSid,
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(restRoutes({ calls, recordings, conferences }, { accountSid, authToken }));
  app.use(sandboxRoutes(calls, options.businesses));
  app.use(twilioErrorHandler);

  const server = app.listen(options.port, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  url = `http://${urlHost}:${port}`;
  return {
    url,
    port,
    async close() {
      calls.shutdown();
      conferences.shutdown();
      recordings.shutdown();
      clock.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
