import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { BusinessDirectory } from '../businesses/businessDirectory.js';
import { CallRegistry } from './callRegistry.js';
import { DEFAULT_NETWORK_TIMING, type NetworkTiming } from './callSession.js';
import { FrameClock } from './frameClock.js';
import { restRoutes, twilioErrorHandler } from './restRoutes.js';
import { sandboxRoutes } from './sandboxRoutes.js';
import { createSidFactory } from './sids.js';

export interface CarrierOptions {
  host?: string;
  port: number;
  accountSid: string;
  authToken: string;
  businesses: BusinessDirectory;
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

/**
 * A local stand-in for Twilio: the Calls REST API, signed status callbacks and TwiML webhooks, and
 * Media Streams, in front of the sandbox's scripted businesses. Point the official client at it with
 * `client.api.baseUrl = carrier.url`.
 */
export async function startCarrier(options: CarrierOptions): Promise<RunningCarrier> {
  const host = options.host ?? '127.0.0.1';
  const clock = new FrameClock();
  const calls = new CallRegistry({
    accountSid: options.accountSid,
    authToken: options.authToken,
    businesses: options.businesses,
    clock,
    seed: options.seed ?? DEFAULT_SEED,
    timing: { ...DEFAULT_NETWORK_TIMING, ...options.timing },
    newSid: createSidFactory(options.seed),
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(restRoutes(calls, { accountSid: options.accountSid, authToken: options.authToken }));
  app.use(sandboxRoutes(calls, options.businesses));
  app.use(twilioErrorHandler);

  const server = app.listen(options.port, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    async close() {
      calls.shutdown();
      clock.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
