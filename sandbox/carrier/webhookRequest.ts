import { randomUUID } from 'node:crypto';
import { signTwilioRequest, type WebhookParams } from './webhookSigner.js';

export type HttpMethod = 'GET' | 'POST';

export interface WebhookRequest {
  url: string;
  method: HttpMethod;
  params: WebhookParams;
  authToken: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface WebhookResponse {
  status: number;
  contentType: string;
  body: string;
}

/** Twilio gives up on a webhook after 15 s. */
const DEFAULT_TIMEOUT_MS = 15_000;

function toSearchParams(params: WebhookParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  }
  return search;
}

/**
 * Calls the application's webhook the way Twilio does: POST sends the parameters form-encoded and signs
 * URL + parameters; GET appends them to the query string and signs the resulting URL.
 */
export async function sendWebhook(request: WebhookRequest): Promise<WebhookResponse> {
  const form = toSearchParams(request.params);
  let url = request.url;
  let body: string | undefined;
  let signature: string;
  if (request.method === 'GET') {
    const query = form.toString();
    if (query) url += (url.includes('?') ? '&' : '?') + query;
    signature = signTwilioRequest(request.authToken, url);
  } else {
    body = form.toString();
    signature = signTwilioRequest(request.authToken, url, request.params);
  }
  const timeout = AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const response = await fetch(url, {
    method: request.method,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
      'User-Agent': 'TwilioProxy/1.1',
      Accept: '*/*',
      'X-Twilio-Signature': signature,
      'I-Twilio-Idempotency-Token': randomUUID(),
    },
    body,
    signal: request.signal ? AbortSignal.any([request.signal, timeout]) : timeout,
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}
