import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { FrameParser, NO_STATUS, ProtocolError, type ClientFrame } from './frameParser.js';
import { closeFrame, pongFrame, textFrame, textFrames } from './serverFrames.js';

export interface ServerWebSocketEvents {
  message: [data: Buffer, binary: boolean];
  /** Once, when the TCP connection is gone: the status the peer sent (1005: none), 1006 if it never sent one. */
  close: [code: number, reason: string];
}

export interface ServerWebSocketOptions {
  /** Largest message accepted, in bytes; a bigger one fails the connection with 1009. */
  maxPayload: number;
  /** How long a close we started waits for the peer's answering close before the socket is dropped. */
  closeTimeoutMs?: number;
}

const ABNORMAL = 1006;

/**
 * The server end of an accepted WebSocket connection (made by `upgradeToWebSocket`). Made for the media
 * path: each message is one frame written in one syscall, several can share a write (`sendTexts`), and
 * incoming frames are parsed in place. Pings are answered; the close handshake follows RFC 6455 7.
 */
export class ServerWebSocket extends EventEmitter<ServerWebSocketEvents> {
  private state: 'open' | 'closing' | 'closed' = 'open';
  private readonly parser: FrameParser;
  /** What 'close' will report: the peer's close frame, or why we failed the connection. */
  private closedWith: { code: number; reason: string } | null = null;
  private closeTimer: NodeJS.Timeout | undefined;
  private readonly closeTimeoutMs: number;

  constructor(private readonly socket: Socket, head: Buffer, options: ServerWebSocketOptions) {
    super();
    this.parser = new FrameParser(options.maxPayload);
    this.closeTimeoutMs = options.closeTimeoutMs ?? 5000;
    // Frames are small and latency matters more than packet count.
    socket.setNoDelay(true);
    socket.setTimeout(0);
    socket.on('data', (chunk: Buffer) => this.received(chunk));
    socket.on('end', () => socket.end());
    socket.on('error', () => undefined);
    socket.on('close', () => this.socketClosed());
    if (head.length) queueMicrotask(() => this.received(head));
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /** One text message. Dropped once the connection is closing. */
  send(text: string): void {
    if (this.state === 'open') this.socket.write(textFrame(text));
  }

  /** Several text messages in order, in a single write. */
  sendTexts(texts: readonly string[]): void {
    if (this.state === 'open' && texts.length) this.socket.write(textFrames(texts));
  }

  /** Starts the closing handshake: our close frame now, the TCP connection ends when the peer answers. */
  close(code = 1000, reason = ''): void {
    if (this.state !== 'open') return;
    this.state = 'closing';
    this.socket.write(closeFrame(code, reason));
    this.closeTimer = setTimeout(() => this.socket.destroy(), this.closeTimeoutMs);
    this.closeTimer.unref();
  }

  private received(chunk: Buffer): void {
    if (this.state === 'closed' || this.closedWith) return;
    try {
      this.parser.push(chunk, (frame) => this.frame(frame));
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      this.fail(err.closeCode, err.message);
    }
  }

  private frame(frame: ClientFrame): void {
    if (this.closedWith) return;
    switch (frame.kind) {
      case 'message':
        if (this.state === 'open') this.emit('message', frame.data, frame.binary);
        return;
      case 'ping':
        if (this.state === 'open') this.socket.write(pongFrame(frame.data));
        return;
      case 'pong':
        return;
      case 'close':
        this.closedWith = { code: frame.code, reason: frame.reason };
        // Answer with the same status (none if it sent none), then the server closes TCP first (7.1.1).
        if (this.state === 'open') this.socket.write(closeFrame(frame.code === NO_STATUS ? 1000 : frame.code, ''));
        this.endSoon();
        return;
    }
  }

  // The client broke the protocol: say why and drop the connection without waiting (7.1.7).
  private fail(code: number, reason: string): void {
    if (this.state === 'open') this.socket.write(closeFrame(code, reason));
    this.closedWith = { code: ABNORMAL, reason };
    this.endSoon();
  }

  private endSoon(): void {
    this.state = 'closing';
    this.socket.end();
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.socket.destroy(), this.closeTimeoutMs);
    this.closeTimer.unref();
  }

  private socketClosed(): void {
    clearTimeout(this.closeTimer);
    this.state = 'closed';
    this.emit('close', this.closedWith?.code ?? ABNORMAL, this.closedWith?.reason ?? '');
  }
}
