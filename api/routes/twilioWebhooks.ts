import express, { Router } from 'express';
import type { Client } from '@temporalio/client';
import twilio from 'twilio';
import { z } from 'zod';
import { signCallToken } from '../../common/callToken.js';
import type { AppConfig } from '../../common/config.js';
import type { Logger } from '../../common/logger.js';
import { getCallContext } from '../../db/calls.js';
import type { Pool } from '../../db/pool.js';
import { callWorkflowId, carrierStatusSignal } from '../../workflows/callSignals.js';
import { requireTwilioSignature } from '../twilioSignature.js';

const statusCallbackSchema = z.object({
  CallSid: z.string().regex(/^CA[0-9a-f]{32}$/i),
  CallStatus: z.string().min(1),
  SequenceNumber: z.coerce.number().int().nonnegative().optional(),
  CallDuration: z.coerce.number().int().nonnegative().optional(),
  Timestamp: z.string().optional(),
});
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
    if (!query.success || !body.success) {
      res.status(400).type('text/plain').send(`invalid status callback: ${[...(query.error?.issues ?? []), ...(body.error?.issues ?? [])].map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return;
    }
    const b = body.data;
    try {
      await temporal.workflow.getHandle(callWorkflowId(query.data.callId)).signal(carrierStatusSignal, {
        callSid: b.CallSid,
        carrierStatus: b.CallStatus,
        sequenceNumber: b.SequenceNumber ?? null,
        at: timestampOf(b.Timestamp),
        durationSeconds: b.CallDuration ?? null,
      });
    } catch (err) {
      // A call whose workflow already finished has nothing left to learn from a late callback.
      if ((err as Error).name === 'WorkflowNotFoundError') {
        log.warn('status callback for a call that is not running', { callId: query.data.callId, status: b.CallStatus });
        res.status(204).end();
        return;
      }
      throw err;
    }
    res.status(204).end();
  });

  return router;
}

function timestampOf(value: string | undefined): string {
  const parsed = value ? new Date(value) : new Date();
  return Number.isNaN(parsed.getTime()) ? new Date().toISOString() : parsed.toISOString();
}
