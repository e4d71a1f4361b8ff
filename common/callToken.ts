import { createHmac, timingSafeEqual } from 'node:crypto';

// The media stream carries this token as a <Parameter>, so the bridge can trust the call id it names
// without a database round trip before audio starts.
export function signCallToken(secret: string, callId: string, ttlSeconds = 3 * 3600, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + ttlSeconds;
  return `${expires}.${mac(secret, callId, expires)}`;
}

export function verifyCallToken(secret: string, callId: string, token: string, now = Date.now()): boolean {
  const [expiresText, signature] = token.split('.');
  const expires = Number(expiresText);
  if (!Number.isInteger(expires) || !signature || expires * 1000 < now) return false;
  const expected = Buffer.from(mac(secret, callId, expires));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function mac(secret: string, callId: string, expires: number): string {
  return createHmac('sha256', secret).update(`${callId}.${expires}`).digest('base64url');
}
