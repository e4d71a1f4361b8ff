import { twilioErrors } from './twilioErrors.js';
import type { HttpMethod } from './webhookRequest.js';

/** A form body as express.urlencoded parses it: repeated keys become arrays. */
export type FormBody = Record<string, string | string[] | undefined>;

/** The value of a key given at most once; empty counts as absent, as with Twilio. */
export function single(body: FormBody, key: string): string | undefined {
  const value = body[key];
  if (Array.isArray(value)) throw twilioErrors.invalidParameter(`${key} must be given once`);
  return value === undefined || value === '' ? undefined : value;
}

export function httpMethod(body: FormBody, key: string): HttpMethod {
  const method = (single(body, key) ?? 'POST').toUpperCase();
  if (method !== 'GET' && method !== 'POST') throw twilioErrors.invalidMethod(method);
  return method;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function optionalUrl(body: FormBody, key: string): string | undefined {
  const url = single(body, key);
  if (url !== undefined && !isHttpUrl(url)) throw twilioErrors.invalidParameter(`${key} is not a valid URL: ${url}`);
  return url;
}

/** Twilio's booleans arrive as "true"/"false" (the official client serializes them so). */
export function booleanField(body: FormBody, key: string, fallback: boolean): boolean {
  const raw = single(body, key);
  if (raw === undefined) return fallback;
  const value = raw.toLowerCase();
  if (value !== 'true' && value !== 'false') throw twilioErrors.invalidParameter(`${key} must be true or false; got ${raw}`);
  return value === 'true';
}

export function wholeNumberField(body: FormBody, key: string, range: { min: number; max: number; fallback: number }): number {
  const raw = single(body, key);
  if (raw === undefined) return range.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw twilioErrors.invalidParameter(`${key} must be a whole number from ${range.min} to ${range.max}; got ${raw}`);
  }
  return value;
}

/**
 * An event list such as StatusCallbackEvent: the official clients repeat the key, some callers send one
 * space-separated value. Unknown names are refused with `invalid`'s error.
 */
export function eventList<T extends string>(body: FormBody, key: string, allowed: readonly T[], fallback: readonly T[], invalid: (name: string) => Error): Set<T> {
  const raw = body[key];
  if (raw === undefined) return new Set(fallback);
  const names = (Array.isArray(raw) ? raw : [raw]).flatMap((value) => value.split(/\s+/)).filter(Boolean);
  for (const name of names) if (!(allowed as readonly string[]).includes(name)) throw invalid(name);
  return new Set(names as T[]);
}
