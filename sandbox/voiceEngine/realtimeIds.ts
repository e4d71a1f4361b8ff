// Identifiers shaped like OpenAI's ("event_", "item_", "resp_", "call_", "sess_" + 21 characters).
import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export type IdKind = 'event' | 'item' | 'resp' | 'call' | 'sess' | 'conv';

export function newId(kind: IdKind): string {
  const bytes = randomBytes(21);
  let suffix = '';
  for (const byte of bytes) suffix += ALPHABET[byte % ALPHABET.length];
  return `${kind}_${suffix}`;
}
