import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { ServerWebSocket, type ServerWebSocketOptions } from './serverWebSocket.js';

const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** A Sec-WebSocket-Key is 16 random bytes in base64. */
const KEY = /^[+/0-9A-Za-z]{22}==$/;

type HandshakeProblem = { status: number; reason: string; headers?: Record<string, string> };

/** Why an upgrade request is not a WebSocket opening handshake we can accept (RFC 6455 4.2.1), or null. */
function handshakeProblem(req: IncomingMessage): HandshakeProblem | null {
  if (req.method !== 'GET') return { status: 405, reason: 'a WebSocket handshake is a GET' };
  if (req.headers.upgrade?.toLowerCase() !== 'websocket') return { status: 400, reason: 'Upgrade must be websocket' };
  if (req.headers['sec-websocket-version'] !== '13') {
    return { status: 426, reason: 'only WebSocket version 13 is supported', headers: { 'Sec-WebSocket-Version': '13' } };
  }
  const key = req.headers['sec-websocket-key'];
  if (typeof key !== 'string' || !KEY.test(key.trim())) return { status: 400, reason: 'missing or malformed Sec-WebSocket-Key' };
  return null;
}

/**
 * Completes the handshake on the upgraded socket: 101 with the accept hash; of the subprotocols the
 * client offers, the first is taken (no extensions are negotiated, so frames carry none).
 */
function acceptHandshake(req: IncomingMessage, socket: Duplex): void {
  const key = String(req.headers['sec-websocket-key']).trim();
  const accept = createHash('sha1').update(key + ACCEPT_GUID).digest('base64');
  const protocol = req.headers['sec-websocket-protocol']?.split(',')[0]?.trim();
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${accept}\r\n${protocol ? `Sec-WebSocket-Protocol: ${protocol}\r\n` : ''}\r\n`,
  );
}

/** Answers a request that cannot be upgraded with a plain HTTP error and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string, headers: Record<string, string> = {}): void {
  // Once upgraded, node's HTTP server no longer listens for the socket's errors: a reset must not crash us.
  socket.on('error', () => undefined);
  const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  const body = `${reason}\n`;
  socket.end(`HTTP/1.1 ${status} ${reason.replace(/[\r\n]/g, ' ')}\r\nConnection: close\r\nContent-Type: text/plain\r\n${extra}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/** Completes an upgrade the caller has decided to take: the WebSocket, or null when the request was not a valid handshake (refused). */
export function upgradeToWebSocket(req: IncomingMessage, socket: Duplex, head: Buffer, options: ServerWebSocketOptions): ServerWebSocket | null {
  const problem = handshakeProblem(req);
  if (problem) {
    refuseUpgrade(socket, problem.status, problem.reason, problem.headers);
    return null;
  }
  acceptHandshake(req, socket);
  return new ServerWebSocket(socket as Socket, head, options);
}
