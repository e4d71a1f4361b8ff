// The sandbox's local voice engine: a WebSocket server speaking the OpenAI Realtime (GA) protocol
// subset the media-bridge uses, so the official `openai` client talks to it unchanged. It is a
// labeled test double for the AI: rule-based, and it understands only sandbox-synthesized speech.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { RealtimeConnection } from './realtimeConnection.js';

export interface VoiceEngineOptions {
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Serve https/wss; the official client always dials wss://. */
  tls?: { key: string; cert: string };
}

export interface VoiceEngine {
  /** Base URL without path, e.g. https://127.0.0.1:3200 (clients use `${url}/v1`). */
  url: string;
  port: number;
  close(): Promise<void>;
}

const REALTIME_PATH = '/v1/realtime';
// OpenAI rejects client events over 15 MB.
const MAX_EVENT_BYTES = 15 * 1024 * 1024;

interface Rejection {
  status: number;
  reason: string;
  message: string;
  code: string | null;
}

function errorBody({ message, code }: Rejection): string {
  return JSON.stringify({ error: { message, type: 'invalid_request_error', param: null, code } });
}

function rejectUpgrade(socket: Duplex, rejection: Rejection): void {
  const body = errorBody(rejection);
  socket.end(
    `HTTP/1.1 ${rejection.status} ${rejection.reason}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** Why an upgrade request must be refused, or null plus the requested model. */
function checkUpgrade(request: IncomingMessage): { rejection: Rejection } | { model: string } {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== REALTIME_PATH) {
    return { rejection: { status: 404, reason: 'Not Found', message: `Unknown path ${url.pathname}.`, code: 'not_found' } };
  }
  const authorization = /^Bearer\s+(\S.*)$/i.exec(request.headers.authorization ?? '');
  if (!authorization) {
    const message = 'Missing bearer authentication in header: expected "Authorization: Bearer <key>".';
    return { rejection: { status: 401, reason: 'Unauthorized', message, code: 'missing_api_key' } };
  }
  const model = url.searchParams.get('model');
  if (!model) {
    const message = "Missing required parameter: 'model'.";
    return { rejection: { status: 400, reason: 'Bad Request', message, code: 'missing_required_parameter' } };
  }
  return { model };
}

function answerPlainHttp(request: IncomingMessage, response: ServerResponse): void {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const rejection: Rejection =
    path === REALTIME_PATH
      ? { status: 426, reason: 'Upgrade Required', message: `${REALTIME_PATH} only accepts WebSocket upgrades.`, code: null }
      : { status: 404, reason: 'Not Found', message: `Unknown path ${path}.`, code: 'not_found' };
  response.writeHead(rejection.status, { 'Content-Type': 'application/json' }).end(errorBody(rejection));
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startVoiceEngine(options: VoiceEngineOptions): Promise<VoiceEngine> {
  const host = options.host ?? '127.0.0.1';
  const server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, answerPlainHttp)
    : createHttpServer(answerPlainHttp);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_EVENT_BYTES });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const checked = checkUpgrade(request);
    if ('rejection' in checked) return rejectUpgrade(socket, checked.rejection);
    sockets.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      new RealtimeConnection(ws, checked.model);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `${options.tls ? 'https' : 'http'}://${urlHost(host)}:${port}`,
    port,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
