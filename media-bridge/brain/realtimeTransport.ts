import { EventEmitter } from 'node:events';
import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';
import WebSocket from 'ws';

export interface TransportEvents {
  event: [Record<string, any>];
  closed: [reason: string];
}

/** One Realtime WebSocket: JSON events in and out. */
export interface RealtimeTransport extends EventEmitter<TransportEvents> {
  send(event: object): void;
  /** An event already serialised (the audio appends, 50 a second, are written as text directly). */
  sendJson(json: string): void;
  close(): void;
}

export interface TransportSettings {
  apiKey: string;
  baseUrl: string | undefined;
  ca: string | undefined;
  model: string;
}

/**
 * The official `openai` client for https (OpenAI itself, or a TLS engine); a plain WebSocket for an
 * http:// base URL, which the official client cannot dial (it forces wss).
 */
export async function openRealtimeTransport(settings: TransportSettings, timeoutMs: number): Promise<RealtimeTransport> {
  const plain = settings.baseUrl?.startsWith('http://');
  const socketAndEvents = plain ? plainSocket(settings) : officialClient(settings);
  const { socket } = await socketAndEvents;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`voice model did not accept the connection within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
  return (await socketAndEvents).transport;
}

class SocketTransport extends EventEmitter<TransportEvents> implements RealtimeTransport {
  private closedByUs = false;

  constructor(private readonly socket: WebSocket, private readonly shut: () => void) {
    super();
    socket.on('close', (code, reason) => {
      if (!this.closedByUs) this.emit('closed', `socket closed (${code}${reason.length ? ` ${reason}` : ''})`);
    });
  }

  send(event: object): void {
    this.sendJson(JSON.stringify(event));
  }

  // Written to the socket directly on both paths: the official client's own send() is this same call
  // (it throws only before the socket is open, which is checked here). Given a Buffer, ws masks it into
  // the frame header's allocation and makes one write; given a string it makes a second buffer and a writev.
  sendJson(json: string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(Buffer.from(json), { binary: false });
  }

  close(): void {
    this.closedByUs = true;
    this.shut();
  }
}

async function officialClient(settings: TransportSettings): Promise<{ socket: WebSocket; transport: RealtimeTransport }> {
  const client = new OpenAI({ apiKey: settings.apiKey, baseURL: settings.baseUrl });
  const connection = await OpenAIRealtimeWS.create(client, { model: settings.model, options: settings.ca ? { ca: settings.ca } : undefined });
  const transport = new SocketTransport(connection.socket, () => connection.close());
  connection.on('event', (event) => transport.emit('event', event as Record<string, any>));
  // The client reports `error` events twice (as 'event' and as 'error'); only transport errors matter here.
  connection.on('error', () => undefined);
  return { socket: connection.socket, transport };
}

async function plainSocket(settings: TransportSettings): Promise<{ socket: WebSocket; transport: RealtimeTransport }> {
  const url = new URL(`${settings.baseUrl!.replace(/\/+$/, '')}/realtime`);
  url.protocol = 'ws:';
  url.searchParams.set('model', settings.model);
  const socket = new WebSocket(url, { headers: { Authorization: `Bearer ${settings.apiKey}` } });
  const transport = new SocketTransport(socket, () => socket.close());
  socket.on('message', (data) => {
    try {
      transport.emit('event', JSON.parse(data.toString()));
    } catch {
      transport.emit('event', { type: 'error', error: { message: 'unparseable server event' } });
    }
  });
  socket.on('error', () => undefined);
  return { socket, transport };
}
