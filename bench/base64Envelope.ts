/**
 * A JSON message of one fixed shape whose only varying part is a base64 string, e.g.
 * `{"type":"input_audio_buffer.append","audio":"<base64>"}`: the text before and after the string.
 * Reading such a message this way skips JSON.parse and every object it would build, and is exact: a
 * message that matches is that JSON, and one that does not (other key order, spacing, escapes) is left
 * to the caller's JSON.parse.
 */
export interface Base64Envelope {
  before: Buffer;
  after: Buffer;
}

const BASE64_CHARS = new Uint8Array(256);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=') BASE64_CHARS[char.charCodeAt(0)] = 1;

export function base64Envelope(before: string, after: string): Base64Envelope {
  return { before: Buffer.from(before), after: Buffer.from(after) };
}

/** The base64 text of a message in this envelope, or null when the message is not in it. */
export function openBase64Envelope(message: Buffer, envelope: Base64Envelope): string | null {
  const { before, after } = envelope;
  const start = before.length;
  const end = message.length - after.length;
  if (end < start) return null;
  if (message.compare(before, 0, start, 0, start) !== 0 || message.compare(after, 0, after.length, end) !== 0) return null;
  for (let i = start; i < end; i++) if (BASE64_CHARS[message[i]] === 0) return null;
  return message.toString('latin1', start, end);
}
