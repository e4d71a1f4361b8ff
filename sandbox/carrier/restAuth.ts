import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { twilioErrors } from './twilioErrors.js';

export interface Credentials {
  accountSid: string;
  authToken: string;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** HTTP Basic auth with AccountSid:AuthToken, and the AccountSid in the path must be the caller's. */
export function authenticate(credentials: Credentials) {
  return (request: Request, response: Response, next: NextFunction) => {
    response.setHeader('WWW-Authenticate', 'Basic realm="Twilio API"');
    const header = request.headers.authorization;
    if (!header?.startsWith('Basic ')) throw twilioErrors.noCredentials();
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf-8');
    const separator = decoded.indexOf(':');
    const username = decoded.slice(0, separator);
    const password = decoded.slice(separator + 1);
    const valid = separator > 0 && sameText(username, credentials.accountSid) && sameText(password, credentials.authToken);
    if (!valid || request.params.accountSid !== credentials.accountSid) throw twilioErrors.badCredentials();
    response.removeHeader('WWW-Authenticate');
    next();
  };
}
