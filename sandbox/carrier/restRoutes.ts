import express, { type NextFunction, type Request, type Response } from 'express';
import { API_VERSION } from './apiVersion.js';
import { callResource, callsPath } from './callResource.js';
import type { CallRegistry } from './callRegistry.js';
import { parseCreateCallForm, parseUpdateCallForm, type FormBody } from './callRequestForms.js';
import type { ConferenceRegistry } from './conferenceRegistry.js';
import { conferenceRoutes } from './conferenceRoutes.js';
import { listPage, pageRequest } from './listPage.js';
import { authenticate, type Credentials } from './restAuth.js';
import { recordingRoutes } from './recordingRoutes.js';
import type { RecordingRegistry } from './recordingRegistry.js';
import { TwilioApiError, twilioErrors } from './twilioErrors.js';

export type { Credentials } from './restAuth.js';

export interface RestResources {
  calls: CallRegistry;
  recordings: RecordingRegistry;
  conferences: ConferenceRegistry;
}

/** Twilio's REST API (2010-04-01): Calls (create, fetch, list, update), Recordings and Conferences. */
export function restRoutes({ calls, recordings, conferences }: RestResources, credentials: Credentials): express.Router {
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
    const page = pageRequest(request.originalUrl);
    const { filters } = page;
    const filtered = calls
      .newestFirst()
      .filter((call) => (!filters.get('To') || call.to === filters.get('To')) && (!filters.get('From') || call.from === filters.get('From')) && (!filters.get('Status') || call.status === filters.get('Status')));
    response.json(listPage('calls', `${callsPath(credentials.accountSid)}.json`, filtered, page, callResource));
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

  router.use(account, recordingRoutes(calls, recordings, credentials.accountSid));
  router.use(account, conferenceRoutes(calls, conferences, credentials.accountSid));

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
