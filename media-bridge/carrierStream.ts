import { EventEmitter } from 'node:events';
import type WebSocket from 'ws';
import { z } from 'zod';

// Twilio Media Streams messages, as documented (every field a string where Twilio sends strings).
const startMessage = z.object({
  event: z.literal('start'),
  sequenceNumber: z.string(),
  streamSid: z.string(),
  start: z.object({
    streamSid: z.string(),
    accountSid: z.string(),
    callSid: z.string(),
    tracks: z.array(z.string()),
    customParameters: z.record(z.string(), z.string()).default({}),
    mediaFormat: z.object({ encoding: z.string(), sampleRate: z.number(), channels: z.number() }),
  }),
});
const markMessage = z.object({ event: z.literal('mark'), sequenceNumber: z.string(), streamSid: z.string(), mark: z.object({ name: z.string() }) });
const dtmfMessage = z.object({ event: z.literal('dtmf'), sequenceNumber: z.string(), streamSid: z.string(), dtmf: z.object({ track: z.string(), digit: z.string() }) });
const stopMessage = z.object({ event: z.literal('stop'), sequenceNumber: z.string(), streamSid: z.string() });
const connectedMessage = z.object({ event: z.literal('connected') });
const carrierMessage = z.discriminatedUnion('event', [connectedMessage, startMessage, markMessage, dtmfMessage, stopMessage]);

export type StreamStart = z.infer<typeof startMessage>['start'];

export interface CarrierStreamEvents {
  start: [StreamStart];
  /** base64 mu-law payload, forwarded untouched; timestamp = ms since the stream started. */
  media: [payload: string, timestampMs: number];
  mark: [name: string];
  dtmf: [digit: string];
  stop: [];
  close: [];
}

/** One Twilio media stream WebSocket: validated incoming events, and the three messages we may send. */
export class CarrierStream extends EventEmitter<CarrierStreamEvents> {
  streamSid: string | null = null;
  private closed = false;

  constructor(private readonly socket: WebSocket, private readonly onInvalid: (problem: string) => void) {
    super();
    socket.on('message', (data, isBinary) => this.receive(data.toString(), isBinary));
    socket.on('close', () => {
      this.closed = true;
      this.emit('close');
    });
    socket.on('error', () => undefined);
  }

  sendAudio(payload: string): void {
    this.send({ event: 'media', streamSid: this.streamSid, media: { payload } });
  }

  sendMark(name: string): void {
    this.send({ event: 'mark', streamSid: this.streamSid, mark: { name } });
  }

  clear(): void {
    this.send({ event: 'clear', streamSid: this.streamSid });
  }

  close(code = 1000, reason = ''): void {
    if (!this.closed) this.socket.close(code, reason);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  private send(message: object): void {
    if (this.closed || !this.streamSid) return;
    this.socket.send(JSON.stringify(message));
  }

  private receive(text: string, isBinary: boolean): void {
    if (isBinary) return this.onInvalid('binary frame (Twilio sends JSON text frames only)');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.onInvalid('message is not JSON');
    }
    const event = (json as { event?: unknown })?.event;
    // Media arrives 50 times a second per call: checked by hand, the rest through the schema.
    if (event === 'media') {
      const media = (json as { media?: { track?: unknown; payload?: unknown; timestamp?: unknown } }).media;
      if (typeof media?.payload !== 'string' || typeof media.track !== 'string' || typeof media.timestamp !== 'string') {
        return this.onInvalid('malformed media message: media.track, media.timestamp and media.payload must be strings');
      }
      if (media.track === 'inbound') this.emit('media', media.payload, Number(media.timestamp));
      return;
    }
    const parsed = carrierMessage.safeParse(json);
    if (!parsed.success) {
      // Unknown events are ignored (forward compatibility); known ones with a wrong shape are reported.
      if (typeof event === 'string' && ['connected', 'start', 'media', 'mark', 'dtmf', 'stop'].includes(event)) {
        this.onInvalid(`malformed ${event} message: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      }
      return;
    }
    const m = parsed.data;
    switch (m.event) {
      case 'start':
        this.streamSid = m.start.streamSid;
        this.emit('start', m.start);
        break;
      case 'mark':
        this.emit('mark', m.mark.name);
        break;
      case 'dtmf':
        this.emit('dtmf', m.dtmf.digit);
        break;
      case 'stop':
        this.emit('stop');
        break;
    }
  }
}
