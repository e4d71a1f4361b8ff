import express from 'express';
import { summarizeBusiness } from '../businesses/business.js';
import type { BusinessDirectory } from '../businesses/businessDirectory.js';
import { noCallReport } from '../businesses/callRecord.js';
import type { CallRegistry } from './callRegistry.js';
import type { CallSession } from './callSession.js';

/** What really happened on a call, for tests and evaluation: not part of Twilio's API. */
export function callGroundTruth(call: CallSession) {
  return {
    callSid: call.sid,
    to: call.to,
    from: call.from,
    status: call.status,
    business: call.business ? { id: call.business.id, name: call.business.name } : null,
    facts: { ...call.facts },
    heard: [...call.heard],
    notifications: [...call.notifications],
    answeredAt: call.answerTime?.toISOString() ?? null,
    // Keys pressed, menu path, hold seconds, when a human answered...: the business's own record.
    ...(call.report ?? noCallReport()),
  };
}

export function sandboxRoutes(calls: CallRegistry, businesses: BusinessDirectory): express.Router {
  const router = express.Router();
  router.get('/_sandbox/calls/:callSid', (request, response) => {
    const call = calls.get(request.params.callSid);
    if (!call) {
      response.status(404).json({ error: `no call ${request.params.callSid}` });
      return;
    }
    response.json(callGroundTruth(call));
  });
  router.get('/_sandbox/businesses', (_request, response) => {
    response.json(businesses.list().map(summarizeBusiness));
  });
  return router;
}
