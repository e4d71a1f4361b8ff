// Test support: a raw `ws` Realtime client that records every server event so tests can wait for
// one and assert on the order and shape of what arrived.
import WebSocket from 'ws';
import { FRAME_BYTES } from '../../common/audio/mulaw.js';

export type ServerEvent = { type: string; event_id: string } & Record<string, any>;

const WAIT_LIMIT_MS = 20_000;

export class RealtimeTestClient {
  readonly events: ServerEvent[] = [];
  private listeners: Array<() => void> = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.events.push(JSON.parse(data.toString()));
      for (const listener of this.listeners) listener();
    });
  }

  static connect(url: string, headers: Record<string, string> = { Authorization: 'Bearer test' }, ca?: string) {
    const socket = new WebSocket(url, { headers, ca });
    return new Promise<RealtimeTestClient>((resolve, reject) => {
      const client = new RealtimeTestClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('error', reject);
    });
  }

  send(event: object | string): void {
    this.socket.send(typeof event === 'string' ? event : JSON.stringify(event));
  }

  /** Sends audio the way the bridge forwards Twilio media: one 20 ms frame per append. */
  appendFrames(audio: Buffer): void {
    for (let start = 0; start < audio.length; start += FRAME_BYTES) {
      this.send({ type: 'input_audio_buffer.append', audio: audio.subarray(start, start + FRAME_BYTES).toString('base64') });
    }
  }

  /** The first event of `type` at or after index `from` that satisfies `matches`. */
  waitFor(type: string, matches: (event: ServerEvent) => boolean = () => true, from = 0): Promise<ServerEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.events.slice(from).find((event) => event.type === type && matches(event));
        if (!found) return false;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((listener) => listener !== onEvent);
        resolve(found);
        return true;
      };
      const onEvent = () => void check();
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((listener) => listener !== onEvent);
        const seen = this.events.map((event) => event.type).join(', ');
        reject(new Error(`no ${type} event within ${WAIT_LIMIT_MS} ms; received: ${seen}`));
      }, WAIT_LIMIT_MS);
      if (!check()) this.listeners.push(onEvent);
    });
  }

  typesSince(from: number): string[] {
    return this.events.slice(from).map((event) => event.type);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}
