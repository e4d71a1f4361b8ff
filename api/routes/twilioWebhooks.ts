import express, { Router } from 'express';
import type { Client } from '@temporalio/client';
import twilio from 'twilio';
import { z } from 'zod';
import { streamUrlFor } from '../../common/bridgeInstance.js';
import { signCallToken } from '../../common/callToken.js';
import type { AppConfig } from '../../common/config.js';
import type { Logger } from '../../common/logger.js';
import { createHash } from 'node:crypto';
import { getCallContext, insertCall } from '../../db/calls.js';
import type { inboundCallWorkflow } from '../../workflows/inboundCallWorkflow.js';
import { LOCAL_USER_ID } from '../owner.js';
import type { Pool } from '../../db/pool.js';
import { answeredBySignal, callWorkflowId, carrierStatusSignal, recordingReadySignal } from '../../workflows/callSignals.js';
import { requireTwilioSignature } from '../twilioSignature.js';

const statusCallbackSchema = z.object({
  CallSid: z.string().regex(/^CA[0-9a-f]{32}$/i),
  CallStatus: z.string().min(1),
  SequenceNumber: z.coerce.number().int().nonnegative().optional(),
  CallDuration: z.coerce.number().int().nonnegative().optional(),
});
const recordingCallbackSchema = z.object({
  RecordingSid: z.string().regex(/^RE[0-9a-f]{32}$/i),
  RecordingStatus: z.string(),
  RecordingDuration: z.coerce.number().int().nonnegative().optional(),
  RecordingChannels: z.coerce.number().int().min(1).max(2).optional(),
});
const amdCallbackSchema = z.object({ AnsweredBy: z.string().min(1) });
const inboundCallSchema = z.object({
  CallSid: z.string().regex(/^CA[0-9a-f]{32}$/i),
  From: z.string().min(1),
  To: z.string().min(1),
});
const callIdQuery = z.object({ callId: z.string().regex(/^call_[0-9a-f]{24}$/) });
// The agent's TwiML App leg: the call id travels as a custom parameter of the `app:` address.
const agentLegSchema = z.object({ CallSid: z.string().regex(/^CA[0-9a-f]{32}$/i), callId: callIdQuery.shape.callId });

/** Webhooks the carrier calls: TwiML for an answered call, and call status callbacks. */
export function twilioWebhookRoutes({ pool, temporal, config, log }: { pool: Pool; temporal: Client; config: AppConfig; log: Logger }): Router {
  const router = Router();
  // The call's audio goes to its media-bridge instance; the signed token lets the bridge trust the call id.
  const connectToBridge = (callId: string): string => {
    const response = new twilio.twiml.VoiceResponse();
    const stream = response.connect().stream({ url: streamUrlFor(config.bridge, callId) });
    stream.parameter({ name: 'callId', value: callId });
    stream.parameter({ name: 'token', value: signCallToken(config.callTokenSecret, callId) });
    return response.toString();
  };
  router.use('/twilio', express.urlencoded({ extended: false }), requireTwilioSignature(config.twilio.authToken, config.api.publicUrl));

  router.post('/twilio/voice', async (req, res) => {
    const query = callIdQuery.safeParse(req.query);
    const call = query.success ? await getCallContext(pool, query.data.callId) : null;
    if (call) return void res.type('text/xml').send(connectToBridge(call.id));
    log.warn('voice webhook for an unknown call; hanging up', { query: req.query });
    const response = new twilio.twiml.VoiceResponse();
    response.hangup();
    res.type('text/xml').send(response.toString());
  });

  // The Voice URL of the agent's TwiML App: the agent rejoins a call that moved into a conference (the user
  // was looped in) as a participant whose audio is a media stream to the bridge.
  router.post('/twilio/agent-leg', async (req, res) => {
    const body = agentLegSchema.safeParse(req.body);
    const call = body.success ? await getCallContext(pool, body.data.callId) : null;
    if (call) return void res.type('text/xml').send(connectToBridge(call.id));
    log.warn('agent leg for an unknown call; hanging up', { callId: req.body?.callId });
    const response = new twilio.twiml.VoiceResponse();
    response.hangup();
    res.type('text/xml').send(response.toString());
  });

  // The voice webhook of the user's own number: the agent answers, and the call is followed like any other.
  router.post('/twilio/inbound', async (req, res) => {
    const body = inboundCallSchema.safeParse(req.body);
    if (!body.success) return void res.status(400).type('text/plain').send(describeInvalid('inbound call webhook', body));
    const { CallSid, From, To } = body.data;
    const callId = `call_${createHash('sha256').update(`inbound\n${CallSid}`).digest('hex').slice(0, 24)}`;
    const workflowId = callWorkflowId(callId);
    await insertCall(pool, {
      id: callId, direction: 'inbound', ownerId: LOCAL_USER_ID, workflowId, to: To, from: From, company: null,
      userName: config.inbound.ownerName, issue: `Incoming call from ${From}`, goal: config.inbound.instructions,
      facts: {}, persona: {}, options: {}, status: 'ringing',
    });
    await temporal.workflow.start<typeof inboundCallWorkflow>('inboundCallWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId,
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [{ callId, callSid: CallSid, from: From, to: To, maxCallMinutes: config.maxCallMinutes }],
    });
    log.info('answering an incoming call', { callId, from: From });
    res.type('text/xml').send(connectToBridge(callId));
  });

  router.post('/twilio/status', async (req, res) => {
    const query = callIdQuery.safeParse(req.query);
    const body = statusCallbackSchema.safeParse(req.body);
    if (!query.success || !body.success) return void res.status(400).type('text/plain').send(describeInvalid('status callback', query, body));
    const b = body.data;
    await signalIfRunning(query.data.callId, (handle) =>
      handle.signal(carrierStatusSignal, {
        callSid: b.CallSid,
        carrierStatus: b.CallStatus,
        sequenceNumber: b.SequenceNumber ?? null,
        // Our own clock, not the callback's Timestamp: Twilio's has whole seconds only and would sort
        // carrier statuses before our own millisecond-stamped events of the same second.
        at: new Date().toISOString(),
        durationSeconds: b.CallDuration ?? null,
      }),
    );
    res.status(204).end();
  });

  router.post('/twilio/recording', async (req, res) => {
    const query = callIdQuery.safeParse(req.query);
    const body = recordingCallbackSchema.safeParse(req.body);
    if (!query.success || !body.success) return void res.status(400).type('text/plain').send(describeInvalid('recording status callback', query, body));
    if (body.data.RecordingStatus !== 'completed') {
      log.warn('recording did not complete', { callId: query.data.callId, status: body.data.RecordingStatus });
      return void res.status(204).end();
    }
    await signalIfRunning(query.data.callId, (handle) =>
      handle.signal(recordingReadySignal, { recordingSid: body.data.RecordingSid, durationSeconds: body.data.RecordingDuration ?? null, channels: body.data.RecordingChannels ?? 1 }),
    );
    res.status(204).end();
  });

  router.post('/twilio/amd', async (req, res) => {
    const query = callIdQuery.safeParse(req.query);
    const body = amdCallbackSchema.safeParse(req.body);
    if (!query.success || !body.success) return void res.status(400).type('text/plain').send(describeInvalid('answering machine callback', query, body));
    await signalIfRunning(query.data.callId, (handle) => handle.signal(answeredBySignal, { answeredBy: body.data.AnsweredBy, at: new Date().toISOString() }));
    res.status(204).end();
  });

  async function signalIfRunning(callId: string, send: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<void>): Promise<void> {
    try {
      await send(temporal.workflow.getHandle(callWorkflowId(callId)));
    } catch (err) {
      // A call whose workflow already finished has nothing left to learn from a late callback.
      if ((err as Error).name !== 'WorkflowNotFoundError') throw err;
      log.warn('callback for a call that is not running', { callId });
    }
  }

  return router;
}

function describeInvalid(what: string, ...results: Array<z.ZodSafeParseResult<unknown>>): string {
  return `invalid ${what}: ${results.flatMap((r) => r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
}
