import WebSocket from 'ws';
import { FRAME_MS } from '../../common/audio/mulaw.js';
import { carrierMessages, parseAppMessage, type StreamIdentity } from './mediaStreamMessages.js';
import type { PlayoutQueue } from './playoutQueue.js';
import { signTwilioRequest } from './webhookSigner.js';

export interface MediaStreamOptions {
  url: string;
  authToken: string;
  identity: StreamIdentity;
  customParameters: Record<string, string>;
  /** Where the application's audio (and its marks) is queued to be played into the call. */
  playout: PlayoutQueue;
  onProtocolError(reason: string): void;
}

const HANDSHAKE_TIMEOUT_MS = 10_000;

/**
 * The carrier's side of one bidirectional Media Stream: Twilio opens the WebSocket to the application,
 * sends `connected` and `start`, then one `media` message per 20 ms frame of the called party's audio,
 * and plays the application's `media` back into the call, echoing `mark`s once played.
 */
export class MediaStreamClient {
  private sequenceNumber = 0;
  private chunk = 0;
  private firstTick: number | undefined;
  private stopped = false;
  readonly ended: Promise<void>;

  private constructor(
    private readonly socket: WebSocket,
    private readonly options: MediaStreamOptions,
  ) {
    this.ended = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('error', (error) => options.onProtocolError(`websocket error: ${error.message}`));
    this.send(carrierMessages.connected());
    this.send(carrierMessages.start(++this.sequenceNumber, options.identity, options.customParameters));
  }

  /** Opens the stream; rejects when the WebSocket handshake fails (Twilio error 31920). */
  static connect(options: MediaStreamOptions): Promise<MediaStreamClient> {
    const signature = signTwilioRequest(options.authToken, options.url);
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(options.url, {
        headers: { 'X-Twilio-Signature': signature, 'User-Agent': 'Twilio.TmeWs/1.0' },
        handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
      });
      const failed = (error: Error) => reject(new Error(`media stream handshake failed: ${error.message}`));
      socket.once('error', failed);
      socket.once('open', () => {
        socket.off('error', failed);
        resolve(new MediaStreamClient(socket, options));
      });
    });
  }

  get streamSid(): string {
    return this.options.identity.streamSid;
  }

  get isOpen(): boolean {
    return !this.stopped && this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends one frame of the called party's audio; `tick` is the frame clock's tick it belongs to. */
  sendAudio(frame: Buffer, tick: number): void {
    if (!this.isOpen) return;
    this.firstTick ??= tick;
    const timestampMs = (tick - this.firstTick) * FRAME_MS;
    this.send(carrierMessages.media(++this.sequenceNumber, this.options.identity, ++this.chunk, timestampMs, frame));
  }

  sendDtmf(digit: string): void {
    if (this.isOpen) this.send(carrierMessages.dtmf(++this.sequenceNumber, this.options.identity, digit));
  }

  /** Ends the stream from the carrier's side: the application gets `stop`, then the socket closes. */
  stop(): void {
    if (this.stopped) return;
    const wasOpen = this.isOpen;
    this.stopped = true;
    if (wasOpen) this.send(carrierMessages.stop(++this.sequenceNumber, this.options.identity));
    this.socket.close(1000);
  }

  private send(message: object): void {
    this.socket.send(JSON.stringify(message));
  }

  private receive(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.stopped) return;
    if (isBinary) {
      this.options.onProtocolError('binary frames are not part of the Media Streams protocol');
      return;
    }
    const parsed = parseAppMessage(data.toString());
    if (parsed.kind === 'ignored') return;
    if (parsed.kind === 'invalid') {
      this.options.onProtocolError(parsed.reason);
      return;
    }
    const message = parsed.message;
    if (message.streamSid !== this.streamSid) {
      this.options.onProtocolError(`${message.event}: streamSid ${message.streamSid} is not this stream (${this.streamSid})`);
      return;
    }
    const { playout } = this.options;
    switch (message.event) {
      case 'media':
        playout.enqueue(Buffer.from(message.media.payload, 'base64'));
        break;
      case 'mark': {
        const name = message.mark.name;
        playout.enqueueMarker(() => {
          if (this.isOpen) this.send(carrierMessages.mark(++this.sequenceNumber, this.options.identity, name));
        });
        break;
      }
      case 'clear':
        playout.clear();
        break;
    }
  }
}
