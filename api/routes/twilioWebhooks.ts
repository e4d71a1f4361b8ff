import express, { Router } from 'express';
import type { Client } from '@temporalio/client';
import twilio from 'twilio';
import { z } from 'zod';
import { signCallToken } from '../../common/callToken.js';
import type { AppConfig } from '../../common/config.js';
import type { Logger } from '../../common/logger.js';
import { getCallContext } from '../../db/calls.js';
import type { Pool } from '../../db/pool.js';
import { answeredBySignal, callWorkflowId, carrierStatusSignal, recordingReadySignal } from '../../workflows/callSignals.js';
import { requireTwilioSignature } from '../twilioSignature.js';

const statusCallbackSchema = z.object({
  CallSid: z.string().regex(/^CA[0-9a-f]{32}$/i),
  CallStatus: z.string().min(1),
  SequenceNumber: z.coerce.number().int().nonnegative().optional(),
  CallDuration: z.coerce.number().int().nonnegative().optional(),
  Timestamp: z.string().optional(),
});
const recordingCallbackSchema = z.object({
  RecordingSid: z.string().regex(/^RE[0-9a-f]{32}$/i),
  RecordingStatus: z.string(),
  RecordingDuration: z.coerce.number().int().nonnegative().optional(),
  RecordingChannels: z.coerce.number().int().min(1).max(2).optional(),
});
const amdCallbackSchema = z.object({ AnsweredBy: z.string().min(1) });
const callIdQuery = z.object({ callId: z.string().regex(/^call_[0-9a-f]{24}$/) });

/** Webhooks the carrier calls: TwiML for an answered call, and call status callbacks. */
export function twilioWebhookRoutes({ pool, temporal, config, log }: { pool: Pool; temporal: Client; config: AppConfig; log: Logger }): Router {
  const router = Router();
  router.use('/twilio', express.urlencoded({ extended: false }), requireTwilioSignature(config.twilio.authToken, config.api.publicUrl));

  router.post('/twilio/voice', async (req, res) => {
    const response = new twilio.twiml.VoiceResponse();
    const query = callIdQuery.safeParse(req.query);
    const call = query.success ? await getCallContext(pool, query.data.callId) : null;
    if (!call) {
      log.warn('voice webhook for an unknown call; hanging up', { query: req.query });
      response.hangup();
    } else {
      const stream = response.connect().stream({ url: config.bridge.publicUrl });
      stream.parameter({ name: 'callId', value: call.id });
      stream.parameter({ name: 'token', value: signCallToken(config.callTokenSecret, call.id) });
    }
    res.type('text/xml').send(response.toString());
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
        at: timestampOf(b.Timestamp),
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

function timestampOf(value: string | undefined): string {
  const parsed = value ? new Date(value) : new Date();
  return Number.isNaN(parsed.getTime()) ? new Date().toISOString() : parsed.toISOString();
}
