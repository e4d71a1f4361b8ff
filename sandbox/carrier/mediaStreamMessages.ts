import { z } from 'zod';

/** The Media Streams messages an application may send to Twilio on a bidirectional stream. */
const base64 = z
  .string()
  .refine((value) => value.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(value), 'payload is not base64');

const appMedia = z.object({
  event: z.literal('media'),
  streamSid: z.string(),
  media: z.object({ payload: base64 }),
});
const appMark = z.object({
  event: z.literal('mark'),
  streamSid: z.string(),
  mark: z.object({ name: z.string() }),
});
const appClear = z.object({ event: z.literal('clear'), streamSid: z.string() });

export type AppMessage = z.infer<typeof appMedia> | z.infer<typeof appMark> | z.infer<typeof appClear>;

const schemaByEvent = { media: appMedia, mark: appMark, clear: appClear } as const;

export type ParsedAppMessage =
  | { kind: 'message'; message: AppMessage }
  | { kind: 'ignored'; event: string }
  | { kind: 'invalid'; reason: string };

/** Validates one text frame from the application. Unknown events are ignored, as Twilio does. */
export function parseAppMessage(text: string): ParsedAppMessage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'message is not JSON' };
  }
  if (typeof json !== 'object' || json === null || typeof (json as { event?: unknown }).event !== 'string') {
    return { kind: 'invalid', reason: 'message has no "event" string' };
  }
  const event = (json as { event: string }).event;
  if (!(event in schemaByEvent)) return { kind: 'ignored', event };
  const result = schemaByEvent[event as keyof typeof schemaByEvent].safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { kind: 'invalid', reason: `${event}: ${issue.path.join('.') || 'message'}: ${issue.message}` };
  }
  return { kind: 'message', message: result.data };
}

export interface StreamIdentity {
  streamSid: string;
  accountSid: string;
  callSid: string;
}

/** Builders for the messages Twilio sends; every one but `connected` carries sequenceNumber and streamSid. */
export const carrierMessages = {
  connected: () => ({ event: 'connected', protocol: 'Call', version: '1.0.0' }),
  start: (sequenceNumber: number, id: StreamIdentity, customParameters: Record<string, string>) => ({
    event: 'start',
    sequenceNumber: String(sequenceNumber),
    start: {
      accountSid: id.accountSid,
      streamSid: id.streamSid,
      callSid: id.callSid,
      tracks: ['inbound'],
      customParameters,
      mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
    },
    streamSid: id.streamSid,
  }),
  media: (sequenceNumber: number, id: StreamIdentity, chunk: number, timestampMs: number, audio: Buffer) => ({
    event: 'media',
    sequenceNumber: String(sequenceNumber),
    media: { track: 'inbound', chunk: String(chunk), timestamp: String(timestampMs), payload: audio.toString('base64') },
    streamSid: id.streamSid,
  }),
  dtmf: (sequenceNumber: number, id: StreamIdentity, digit: string) => ({
    event: 'dtmf',
    streamSid: id.streamSid,
    sequenceNumber: String(sequenceNumber),
    dtmf: { track: 'inbound_track', digit },
  }),
  mark: (sequenceNumber: number, id: StreamIdentity, name: string) => ({
    event: 'mark',
    sequenceNumber: String(sequenceNumber),
    streamSid: id.streamSid,
    mark: { name },
  }),
  stop: (sequenceNumber: number, id: StreamIdentity) => ({
    event: 'stop',
    sequenceNumber: String(sequenceNumber),
    streamSid: id.streamSid,
    stop: { accountSid: id.accountSid, callSid: id.callSid },
  }),
};
