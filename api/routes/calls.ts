import { Router, type Request, type Response } from 'express';
import type { Client } from '@temporalio/client';
import type { AppConfig } from '../../common/config.js';
import type { Logger } from '../../common/logger.js';
import { getCallDetail, getOutcome, getTimelineEntry, getTranscriptLine, insertCall, listCalls, type CallOptions } from '../../db/calls.js';
import type { Pool } from '../../db/pool.js';
import { findRecording } from '../../db/recordings.js';
import type { callWorkflow } from '../../workflows/callWorkflow.js';
import { callWorkflowId } from '../../workflows/callSignals.js';
import { callIdFor, fieldErrors, newCallSchema, type NewCallRequest } from '../callRequest.js';
import type { LiveUpdates } from '../liveUpdates.js';
import { ownerOf } from '../owner.js';
import { sendRecording } from '../recordingResponse.js';
import type { RecordingStore } from '../../storage/recordingStore.js';

export interface CallRoutesDeps {
  pool: Pool;
  temporal: Client;
  config: AppConfig;
  live: LiveUpdates;
  log: Logger;
  recordings: RecordingStore;
}

export function callRoutes({ pool, temporal, config, live, log, recordings }: CallRoutesDeps): Router {
  const router = Router();

  router.post('/calls', async (req: Request, res: Response) => {
    const parsed = newCallSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid call request', details: fieldErrors(parsed.error) });
      return;
    }
    const ownerId = ownerOf(req);
    let id: string;
    try {
      id = callIdFor(ownerId, req.header('idempotency-key') ?? undefined);
    } catch {
      res.status(400).json({ error: 'invalid Idempotency-Key header', details: [{ path: 'Idempotency-Key', message: 'must be 1 to 200 characters' }] });
      return;
    }
    const body = parsed.data;
    const workflowId = callWorkflowId(id);
    const isNew = await insertCall(pool, {
      id, ownerId, workflowId, to: body.to, from: config.twilio.fromNumber, company: body.company ?? null,
      userName: body.userName ?? null, issue: body.issue, goal: body.goal ?? null, facts: body.facts ?? {},
      persona: body.persona ?? {}, options: withDefaults(body.options, config), status: body.scheduledAt && Date.parse(body.scheduledAt) > Date.now() ? 'scheduled' : 'queued',
    });
    if (!isNew) {
      const existing = await getCallDetail(pool, ownerId, id);
      if (existing && (existing.to !== body.to || existing.issue !== body.issue)) {
        res.status(409).json({ error: 'this Idempotency-Key was already used for a different call' });
        return;
      }
    }
    // Starting is idempotent too: a retry after a crash between the insert and here starts it then.
    await temporal.workflow.start<typeof callWorkflow>('callWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId,
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [{
        callId: id, to: body.to, from: config.twilio.fromNumber, maxCallMinutes: config.maxCallMinutes, record: body.options?.record ?? false,
        scheduledAt: body.scheduledAt, retryDelaysSeconds: config.retryDelaysSeconds, voicemail: body.options?.voicemail,
      }],
    });
    log.info(isNew ? 'call created' : 'call request repeated', { callId: id, to: body.to });
    res.status(isNew ? 201 : 200).location(`/calls/${id}`).json(await getCallDetail(pool, ownerId, id));
  });

  router.get('/calls', async (req, res) => {
    res.json({ calls: await listCalls(pool, ownerOf(req)) });
  });

  router.get('/calls/:id', async (req, res) => {
    const call = await getCallDetail(pool, ownerOf(req), req.params.id);
    if (!call) res.status(404).json({ error: `no call with id ${req.params.id}` });
    else res.json(call);
  });

  router.get('/calls/:id/recording', async (req, res) => {
    const recording = await findRecording(pool, ownerOf(req), req.params.id);
    if (!recording) return void res.status(404).json({ error: `no recording for call ${req.params.id}` });
    await sendRecording(req, res, recordings, recording);
  });

  router.get('/calls/:id/events', async (req, res) => {
    const ownerId = ownerOf(req);
    const callId = req.params.id;
    // Subscribe before reading the snapshot so nothing written in between is missed.
    const queued: Array<() => Promise<void>> = [];
    let ready = false;
    const sentLines = new Set<number>();
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const unsubscribe = live.subscribe(callId, (update) => {
      const deliver = async () => {
        if (update.kind === 'transcript') {
          const line = await getTranscriptLine(pool, update.rowId);
          if (line && !sentLines.has(line.seq)) {
            sentLines.add(line.seq);
            send('transcript', line);
          }
        } else if (update.kind === 'status') {
          const entry = await getTimelineEntry(pool, update.rowId);
          if (entry) send(entry.kind === 'status' ? 'status' : 'timeline', entry);
        } else if (update.kind === 'partial') {
          if (update.partial) send('partial', update.partial);
        } else {
          const outcome = await getOutcome(pool, callId);
          if (outcome) send('outcome', outcome);
        }
      };
      if (ready) deliver().catch((err) => log.warn('live update failed', { error: err.message }));
      else queued.push(deliver);
    });
    const call = await getCallDetail(pool, ownerId, callId);
    if (!call) {
      unsubscribe();
      res.status(404).json({ error: `no call with id ${callId}` });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    send('snapshot', call);
    for (const line of call.transcript) sentLines.add(line.seq);
    ready = true;
    for (const deliver of queued) await deliver();
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  return router;
}

/** A recorded call always announces it: with the caller's own words, or the configured default. */
function withDefaults(options: NewCallRequest['options'], config: AppConfig): CallOptions {
  if (!options?.record) return options ?? {};
  return { ...options, recordingAnnouncement: options.recordingAnnouncement ?? config.recordingAnnouncement };
}
