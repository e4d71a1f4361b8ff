import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../common/config.js';
import { createLogger } from '../common/logger.js';
import { appendTranscriptLine, getCallContext, saveBrainUsage } from '../db/calls.js';
import { createPool } from '../db/pool.js';
import { reportReady } from '../stack/supervisedProcess.js';
import { twilioTelephony } from '../telephony/twilioTelephony.js';
import { createBridgeServer } from './server.js';
import { TranscriptWriter } from './transcriptWriter.js';
import { WorkflowNotifier } from './workflowNotifier.js';

const log = createLogger('bridge');

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.database.url) throw new Error('DATABASE_URL is required (npm start sets it)');
  const pool = createPool(config.database.url);
  const connection = await Connection.connect({ address: config.temporal.address });
  const transcripts = new TranscriptWriter((line) => appendTranscriptLine(pool, line), log);
  const { server, sessions } = createBridgeServer({
    loadCall: (callId) => getCallContext(pool, callId),
    saveUsage: (callId, usage, costUsd) => saveBrainUsage(pool, callId, usage, costUsd),
    // Straight to the API's LISTEN channel: partial lines are for live viewers only, never stored.
    publishPartial: (callId, partial) =>
      void pool.query("SELECT pg_notify('call_updates', $1)", [JSON.stringify({ callId, kind: 'partial', rowId: partial.itemId, partial: { ...partial, text: partial.text.slice(-1500) } })]).catch(() => undefined),
    telephony: twilioTelephony(config.twilio),
    transcripts,
    workflow: new WorkflowNotifier(new Client({ connection, namespace: config.temporal.namespace }), log),
    brain: {
      apiKey: config.openai.apiKey,
      baseUrl: config.openai.baseUrl,
      ca: config.openai.caFile ? readFileSync(config.openai.caFile, 'utf8') : undefined,
      model: config.openai.realtimeModel,
      voice: config.openai.voice,
      turnDetection: config.openai.turnDetection,
    },
    authToken: config.twilio.authToken,
    publicUrl: config.bridge.publicUrl,
    apiPublicUrl: config.api.publicUrl,
    loopIn: config.loopIn.userPhone && config.loopIn.agentAppSid
      ? { userPhone: config.loopIn.userPhone, agentAppSid: config.loopIn.agentAppSid, fromNumber: config.twilio.fromNumber }
      : undefined,
    callTokenSecret: config.callTokenSecret,
    log,
  });
  server.listen(config.bridge.port, '0.0.0.0', () => {
    const instance = config.bridge.ports.length > 1 ? `instance ${config.bridge.instance} of ${config.bridge.ports.length}: ` : '';
    log.info(`${instance}media streams on ${config.bridge.publicUrl} (port ${config.bridge.port})`);
    reportReady();
  });
  const stop = async () => {
    for (const session of sessions.values()) session.close();
    server.close();
    const unsaved = await transcripts.flush(5000);
    if (unsaved) log.error('stopping with transcript lines not yet stored', { count: unsaved });
    await pool.end();
    await connection.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err) => {
  log.error('bridge failed to start', { error: (err as Error).message });
  process.exit(1);
});
