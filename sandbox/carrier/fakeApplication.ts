import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Test double of our application as Twilio sees it: webhooks answering TwiML (and recording status
 * callbacks) plus a Media Streams WebSocket endpoint. Every request's X-Twilio-Signature is checked with
 * the official `twilio.validateRequest`. Used only by the carrier's tests.
 */
export interface ReceivedWebhook {
  path: string;
  method: string;
  params: Record<string, string>;
  signatureValid: boolean;
}

type StreamMessage = { event: string; sequenceNumber?: string; streamSid?: string; [key: string]: unknown };

export class StreamConnection {
  readonly messages: StreamMessage[] = [];
  /** performance.now() when each message arrived, index for index with `messages`. */
  readonly arrivals: number[] = [];
  readonly closed: Promise<void>;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly socket: WebSocket,
    readonly path: string,
    readonly signatureValid: boolean,
  ) {
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('message', (data) => {
      this.arrivals.push(performance.now());
      this.messages.push(JSON.parse(data.toString()) as StreamMessage);
      for (const wake of [...this.waiters]) wake();
    });
  }

  /** The first message from `fromIndex` on that matches, waiting for it if need be. */
  async waitFor(predicate: (message: StreamMessage) => boolean, fromIndex = 0, timeoutMs = 10_000): Promise<StreamMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.slice(fromIndex).find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching stream message within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, deadline - Date.now() + 1);
        this.waiters.add(wake);
      });
    }
  }

  waitForEvent(event: string, fromIndex = 0, timeoutMs?: number): Promise<StreamMessage> {
    return this.waitFor((message) => message.event === event, fromIndex, timeoutMs);
  }

  send(message: object): void {
    this.socket.send(JSON.stringify(message));
  }
}

async function readForm(request: IncomingMessage): Promise<Record<string, string>> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return Object.fromEntries(new URLSearchParams(body));
}

export async function startFakeApplication(authToken: string) {
  const webhooks: ReceivedWebhook[] = [];
  const streams: StreamConnection[] = [];
  const twimlByPath = new Map<string, string>();

  const server = createServer(async (request, response) => {
    const params = request.method === 'POST' ? await readForm(request) : {};
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${request.url}`;
    const path = new URL(url).pathname;
    const signature = String(request.headers['x-twilio-signature'] ?? '');
    webhooks.push({ path, method: request.method ?? '', params, signatureValid: twilio.validateRequest(authToken, signature, url, params) });
    response.writeHead(200, { 'Content-Type': 'text/xml' });
    response.end(twimlByPath.get(path) ?? '<Response/>');
  });
  const media = new WebSocketServer({ server });
  media.on('connection', (socket, request) => {
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}${request.url}`;
    const signature = String(request.headers['x-twilio-signature'] ?? '');
    streams.push(new StreamConnection(socket, new URL(url).pathname, twilio.validateRequest(authToken, signature, url, {})));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    webhooks,
    streams,
    /** Serves this TwiML for POSTs/GETs to `path`. */
    serveTwiml(path: string, twiml: string) {
      twimlByPath.set(path, twiml);
    },
    /** Resolves with the `count`-th media stream (1-based) once it has connected. */
    async stream(count: number, timeoutMs = 10_000): Promise<StreamConnection> {
      const deadline = Date.now() + timeoutMs;
      while (streams.length < count) {
        if (Date.now() > deadline) throw new Error(`stream ${count} never connected`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return streams[count - 1];
    },
    /** Waits until a webhook matching the predicate has arrived. */
    async webhook(predicate: (webhook: ReceivedWebhook) => boolean, timeoutMs = 15_000): Promise<ReceivedWebhook> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = webhooks.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error('expected webhook never arrived');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      for (const client of media.clients) client.terminate();
      media.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeApplication = Awaited<ReturnType<typeof startFakeApplication>>;
