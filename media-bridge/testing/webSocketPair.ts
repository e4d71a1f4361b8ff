import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { upgradeToWebSocket } from '../websocket/handshake.js';
import type { ServerWebSocket, ServerWebSocketOptions } from '../websocket/serverWebSocket.js';

export interface AcceptingServer {
  port: number;
  /** The next connection accepted, the way the bridge accepts media streams. */
  accepted(): Promise<ServerWebSocket>;
  close(): void;
}

export async function acceptingServer(options: Partial<ServerWebSocketOptions> = {}): Promise<AcceptingServer> {
  const httpServer = http.createServer();
  const waiting: Array<(socket: ServerWebSocket) => void> = [];
  const ready: ServerWebSocket[] = [];
  httpServer.on('upgrade', (req, socket, head) => {
    const ws = upgradeToWebSocket(req, socket, head, { maxPayload: 1 << 20, ...options });
    if (!ws) return;
    const take = waiting.shift();
    if (take) take(ws);
    else ready.push(ws);
  });
  httpServer.listen(0, '127.0.0.1');
  await once(httpServer, 'listening');
  return {
    port: (httpServer.address() as AddressInfo).port,
    accepted: () => {
      const socket = ready.shift();
      return socket ? Promise.resolve(socket) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () => httpServer.close(),
  };
}

export interface WebSocketPair {
  /** Our end. */
  server: ServerWebSocket;
  /** The other end: the `ws` library as a client, standing in for Twilio. */
  client: WebSocket;
  close(): void;
}

/** A loopback connection: our server end and a `ws` client. */
export async function webSocketPair(options: Partial<ServerWebSocketOptions> = {}): Promise<WebSocketPair> {
  const listening = await acceptingServer(options);
  const client = new WebSocket(`ws://127.0.0.1:${listening.port}`);
  client.on('error', () => undefined);
  const server = await listening.accepted();
  await once(client, 'open');
  return {
    server,
    client,
    close: () => {
      client.terminate();
      listening.close();
    },
  };
}
