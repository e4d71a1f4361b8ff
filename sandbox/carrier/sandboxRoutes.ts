import express from 'express';
import { z } from 'zod';
import { summarizeBusiness } from '../businesses/business.js';
import type { BusinessDirectory } from '../businesses/businessDirectory.js';
import { noCallReport } from '../businesses/callRecord.js';
import { ScriptedCaller } from '../callers/scriptedCaller.js';
import { findCaller, sandboxCallers } from '../callers/sandboxCallers.js';
import type { CallRegistry } from './callRegistry.js';
import { E164 } from './callRequestForms.js';
import type { CallSession } from './callSession.js';

/** What really happened on a call, for tests and evaluation: not part of Twilio's API. */
export function callGroundTruth(call: CallSession) {
  if (call.direction === 'inbound') return inboundGroundTruth(call);
  const line = call.partyLine;
  return {
    callSid: call.sid,
    to: call.to,
    from: call.from,
    status: call.status,
    business: call.business ? { id: call.business.id, name: call.business.name } : null,
    facts: { ...line?.facts },
    heard: [...(line?.heard ?? [])],
    notifications: [...call.notifications],
    answeredAt: call.answerTime?.toISOString() ?? null,
    // Keys pressed, menu path, hold seconds, when a human answered...: the business's own record.
    ...(line?.report?.() ?? noCallReport()),
  };
}

/** An inbound call's truth is the caller's: what they said and heard, and the message they left. */
function inboundGroundTruth(call: CallSession) {
  const line = call.partyLine;
  return {
    callSid: call.sid,
    direction: call.direction,
    to: call.to,
    from: call.from,
    status: call.status,
    notifications: [...call.notifications],
    answeredAt: call.answerTime?.toISOString() ?? null,
    ...(line instanceof ScriptedCaller ? line.callerReport() : { caller: call.caller ? { id: call.caller.id, name: call.caller.name, number: call.from } : null }),
  };
}

const inboundRequest = z.strictObject({
  to: z.string().regex(E164, 'expected an E.164 number such as +12125550100').optional(),
  from: z.string().regex(E164, 'expected an E.164 number such as +18005550111').optional(),
  caller: z.string().min(1).default('dana'),
});

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
  router.get('/_sandbox/callers', (_request, response) => {
    response.json(sandboxCallers().map(({ id, name, number, reason }) => ({ id, name, number, reason })));
  });

  // A scripted caller phones the application's number: Twilio would POST the number's voice URL.
  router.post('/_sandbox/inbound', express.json({ limit: '10kb' }), (request, response) => {
    const parsed = inboundRequest.safeParse(request.body ?? {});
    if (!parsed.success) {
      response.status(400).json({ error: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ') });
      return;
    }
    const script = findCaller(parsed.data.caller);
    if (!script) {
      response.status(404).json({ error: `no sandbox caller "${parsed.data.caller}"`, callers: sandboxCallers().map((caller) => caller.id) });
      return;
    }
    if (!calls.inboundVoiceUrl) {
      response.status(409).json({ error: "the carrier has no inbound voice URL: start it with inboundVoiceUrl (SANDBOX_INBOUND_URL, e.g. the API's /twilio/inbound)" });
      return;
    }
    const call = calls.receive({
      to: parsed.data.to ?? calls.applicationNumber,
      from: parsed.data.from ?? script.number,
      caller: { id: script.id, name: script.name, answer: (context) => new ScriptedCaller(script, context) },
    });
    response.status(201).json({ callSid: call.sid, to: call.to, from: call.from, caller: { id: script.id, name: script.name } });
  });
  return router;
}
