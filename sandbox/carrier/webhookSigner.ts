import { createHmac } from 'node:crypto';

export type WebhookParams = Record<string, string | string[]>;

/**
 * Twilio's request signature: HMAC-SHA1 keyed with the auth token over the full URL followed by every
 * POST parameter as key+value, keys sorted (a repeated key contributes each of its values, sorted),
 * base64-encoded. GET requests and WebSocket upgrades sign the URL alone.
 */
export function signTwilioRequest(authToken: string, url: string, params: WebhookParams = {}): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
    for (const item of values) data += key + item;
  }
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf-8')).digest('base64');
}
