import { timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { callListPage, callResource } from './callResource.js';
import type { CallRegistry } from './callRegistry.js';
import { parseCreateCallForm, parseUpdateCallForm, type FormBody } from './callRequestForms.js';
import { API_VERSION } from './callSession.js';
import { TwilioApiError, twilioErrors } from './twilioErrors.js';

export interface Credentials {
  accountSid: string;
  authToken: string;
}

const MAX_PAGE_SIZE = 1000;

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** HTTP Basic auth with AccountSid:AuthToken, and the AccountSid in the path must be the caller's. */
function authenticate(credentials: Credentials) {
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

function pageNumbers(query: URLSearchParams): { page: number; pageSize: number } {
  const pageSize = Number(query.get('PageSize') ?? '50');
  const page = Number(query.get('Page') ?? '0');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw twilioErrors.invalidParameter(`PageSize must be between 1 and ${MAX_PAGE_SIZE}`);
  if (!Number.isInteger(page) || page < 0) throw twilioErrors.invalidParameter('Page must be a non-negative integer');
  return { page, pageSize };
}

/** Twilio's Calls REST API (2010-04-01): create, fetch, list, update. */
export function restRoutes(calls: CallRegistry, credentials: Credentials): express.Router {
  const router = express.Router();
  const account = `/${API_VERSION}/Accounts/:accountSid`;
  router.use(`${account}`, express.urlencoded({ extended: false }));
  router.use(account, authenticate(credentials));

  const findCall = (request: Request) => {
    const call = calls.get(String(request.params.callSid));
    if (!call) throw twilioErrors.notFound(request.path);
    return call;
  };

  router.post(`${account}/Calls.json`, (request, response) => {
    const call = calls.place(parseCreateCallForm((request.body ?? {}) as FormBody));
    response.status(201).json(callResource(call));
  });

  router.get(`${account}/Calls.json`, (request, response) => {
    const query = new URL(request.originalUrl, 'http://carrier').searchParams;
    const { page, pageSize } = pageNumbers(query);
    const filtered = calls
      .newestFirst()
      .filter((call) => (!query.get('To') || call.to === query.get('To')) && (!query.get('From') || call.from === query.get('From')) && (!query.get('Status') || call.status === query.get('Status')));
    query.delete('Page');
    query.delete('PageSize');
    response.json(callListPage(credentials.accountSid, filtered, page, pageSize, query));
  });

  router.get(`${account}/Calls/:callSid.json`, (request, response) => {
    response.json(callResource(findCall(request)));
  });

  router.post(`${account}/Calls/:callSid.json`, (request, response) => {
    const call = findCall(request);
    const update = parseUpdateCallForm((request.body ?? {}) as FormBody);
    if (update.kind === 'redirect') call.redirect(update.instructions);
    else if (update.status === 'completed') call.hangUp();
    else call.cancel();
    response.json(callResource(call));
  });

  router.all(`/${API_VERSION}/*path`, (request) => {
    throw twilioErrors.notFound(request.path);
  });

  return router;
}

/** Answers every failure in Twilio's error shape. */
export function twilioErrorHandler(error: unknown, _request: Request, response: Response, next: NextFunction): void {
  if (response.headersSent) return next(error);
  const status = (error as { status?: unknown }).status;
  let apiError: TwilioApiError;
  if (error instanceof TwilioApiError) apiError = error;
  else if (typeof status === 'number' && status >= 400 && status < 500) apiError = twilioErrors.invalidParameter(`Malformed request: ${(error as Error).message}`);
  else {
    console.error('sandbox carrier error', error);
    apiError = new TwilioApiError(20500, 'Internal Server Error', 500);
  }
  response.status(apiError.status).json(apiError);
}
