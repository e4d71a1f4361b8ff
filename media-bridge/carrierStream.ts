import { EventEmitter } from 'node:events';
import { z } from 'zod';
import type { ServerWebSocket } from './websocket/serverWebSocket.js';

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
  private sid: string | null = null;
  /** The JSON of our `media` and `mark` messages up to the varying string, built once the stream sid is known. */
  private mediaHead = '';
  private markHead = '';
  private closed = false;

  constructor(private readonly socket: ServerWebSocket, private readonly onInvalid: (problem: string) => void) {
    super();
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', () => {
      this.closed = true;
      this.emit('close');
    });
  }

  get streamSid(): string | null {
    return this.sid;
  }

  // The sends write the same text JSON.stringify would, without building an object per frame.
  /** Agent audio, and the marks that follow it, in one write. */
  sendAudio(payload: string, marks: readonly string[] = []): void {
    if (!this.sendable) return;
    const media = `${this.mediaHead}${JSON.stringify(payload)}}}`;
    if (marks.length === 0) this.socket.send(media);
    else this.socket.sendTexts([media, ...marks.map((name) => this.markText(name))]);
  }

  sendMark(name: string): void {
    if (this.sendable) this.socket.send(this.markText(name));
  }

  private markText(name: string): string {
    return `${this.markHead}${JSON.stringify(name)}}}`;
  }

  clear(): void {
    if (this.sendable) this.socket.send(JSON.stringify({ event: 'clear', streamSid: this.sid }));
  }

  close(code = 1000, reason = ''): void {
    if (!this.closed) this.socket.close(code, reason);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  private get sendable(): boolean {
    return !this.closed && this.sid !== null;
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (isBinary) return this.onInvalid('binary frame (Twilio sends JSON text frames only)');
    // Media arrives 50 times a second per call: read straight from the bytes when it is written the
    // usual way, through JSON.parse and a check by hand otherwise, and everything else through the schema.
    if (scanMediaMessage(data, layout)) {
      if (isText(data, layout.trackAt, layout.trackEnd, INBOUND)) this.emit('media', data.toString('latin1', layout.payloadAt, layout.payloadEnd), timestampOf(data, layout));
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      return this.onInvalid('message is not JSON');
    }
    const event = (json as { event?: unknown })?.event;
    if (event === 'media') {
      const media = (json as { media?: { track?: unknown; payload?: unknown; timestamp?: unknown } }).media;
      if (typeof media?.payload !== 'string' || typeof media.track !== 'string' || typeof media.timestamp !== 'string') {
        return this.onInvalid('malformed media message: media.track, media.timestamp and media.payload must be strings');
      }
      if (media.track === 'inbound') this.emit('media', media.payload, Number(media.timestamp));
      return;
    }
    // Marks come back several times a second while the agent talks: also checked by hand.
    if (event === 'mark') {
      const { sequenceNumber, streamSid, mark } = json as { sequenceNumber?: unknown; streamSid?: unknown; mark?: { name?: unknown } };
      if (typeof sequenceNumber === 'string' && typeof streamSid === 'string' && typeof mark?.name === 'string') return void this.emit('mark', mark.name);
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
        this.sid = m.start.streamSid;
        this.mediaHead = `{"event":"media","streamSid":${JSON.stringify(this.sid)},"media":{"payload":`;
        this.markHead = `{"event":"mark","streamSid":${JSON.stringify(this.sid)},"mark":{"name":`;
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

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const [EVENT, MEDIA, TRACK, TIMESTAMP, PAYLOAD, INBOUND] = ['event', 'media', 'track', 'timestamp', 'payload', 'inbound'].map((text) => Buffer.from(text));

/** Where the strings a media message is read from lie in its bytes: [at, end), at = -1 when absent. */
interface MediaLayout {
  eventAt: number;
  eventEnd: number;
  trackAt: number;
  trackEnd: number;
  timestampAt: number;
  timestampEnd: number;
  payloadAt: number;
  payloadEnd: number;
}

const layout: MediaLayout = { eventAt: -1, eventEnd: -1, trackAt: -1, trackEnd: -1, timestampAt: -1, timestampEnd: -1, payloadAt: -1, payloadEnd: -1 };

/**
 * Reads a message written the way Twilio writes media: compact JSON, an object whose values are strings
 * or objects of strings, with no escapes and ASCII only. True when it is a media event with string
 * `media.track`, `media.timestamp` and `media.payload`, whose places are noted in `found` (of duplicate
 * keys the last counts, as with JSON.parse). False for anything else, which then goes through JSON.parse:
 * the two paths accept the same messages and read the same values from them.
 */
function scanMediaMessage(bytes: Buffer, found: MediaLayout): boolean {
  found.eventAt = found.eventEnd = -1;
  forgetMedia(found);
  if (bytes[0] !== OPEN) return false;
  let i = 1;
  let nested = false;
  let inMedia = false;
  for (;;) {
    if (bytes[i] !== QUOTE) return false;
    const keyAt = i + 1;
    const keyEnd = stringEnd(bytes, keyAt);
    if (keyEnd < 0 || bytes[keyEnd + 1] !== COLON) return false;
    i = keyEnd + 2;
    if (bytes[i] === OPEN && !nested) {
      nested = true;
      inMedia = isText(bytes, keyAt, keyEnd, MEDIA);
      if (inMedia) forgetMedia(found);
      i++;
      continue;
    }
    if (bytes[i] !== QUOTE) return false;
    const valueAt = i + 1;
    const valueEnd = stringEnd(bytes, valueAt);
    if (valueEnd < 0) return false;
    if (!nested && isText(bytes, keyAt, keyEnd, EVENT)) {
      found.eventAt = valueAt;
      found.eventEnd = valueEnd;
    } else if (!nested && isText(bytes, keyAt, keyEnd, MEDIA)) {
      forgetMedia(found);
    } else if (inMedia && isText(bytes, keyAt, keyEnd, TRACK)) {
      found.trackAt = valueAt;
      found.trackEnd = valueEnd;
    } else if (inMedia && isText(bytes, keyAt, keyEnd, TIMESTAMP)) {
      found.timestampAt = valueAt;
      found.timestampEnd = valueEnd;
    } else if (inMedia && isText(bytes, keyAt, keyEnd, PAYLOAD)) {
      found.payloadAt = valueAt;
      found.payloadEnd = valueEnd;
    }
    i = valueEnd + 1;
    while (bytes[i] === CLOSE) {
      if (!nested) {
        if (i + 1 !== bytes.length) return false;
        return isText(bytes, found.eventAt, found.eventEnd, MEDIA) && found.trackAt >= 0 && found.timestampAt >= 0 && found.payloadAt >= 0;
      }
      nested = inMedia = false;
      i++;
    }
    if (bytes[i++] !== COMMA) return false;
  }
}

function forgetMedia(found: MediaLayout): void {
  found.trackAt = found.trackEnd = found.timestampAt = found.timestampEnd = found.payloadAt = found.payloadEnd = -1;
}

/** Index of the quote closing a string that starts at `at`; -1 if it holds an escape, a control or non-ASCII byte, or never closes. */
function stringEnd(bytes: Buffer, at: number): number {
  for (let i = at; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) return i;
    if (byte === BACKSLASH || byte < 0x20 || byte >= 0x80) return -1;
  }
  return -1;
}

function isText(bytes: Buffer, at: number, end: number, text: Buffer): boolean {
  if (at < 0 || end - at !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text[i]) return false;
  return true;
}

/** Number(media.timestamp), without making a string of the usual few digits. */
function timestampOf(bytes: Buffer, found: MediaLayout): number {
  const { timestampAt: at, timestampEnd: end } = found;
  if (end - at > 15) return Number(bytes.toString('latin1', at, end));
  let value = 0;
  for (let i = at; i < end; i++) {
    const digit = bytes[i] - 0x30;
    if (digit < 0 || digit > 9) return Number(bytes.toString('latin1', at, end));
    value = value * 10 + digit;
  }
  return value;
}
