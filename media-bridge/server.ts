import http from 'node:http';
import twilio from 'twilio';
import { verifyCallToken } from '../common/callToken.js';
import type { Logger } from '../common/logger.js';
import type { CallContext } from '../db/calls.js';
import type { Telephony } from '../telephony/telephony.js';
import type { BrainSettings } from './brain/realtimeBrain.js';
import type { CallLineReport } from './callLineReport.js';
import { CallSession } from './callSession.js';
import { CarrierStream } from './carrierStream.js';
import type { LoopInSettings } from './userLoopIn.js';
import type { TranscriptWriter } from './transcriptWriter.js';
import type { WorkflowNotifier } from './workflowNotifier.js';
import { refuseUpgrade, upgradeToWebSocket } from './websocket/handshake.js';

export interface BridgeDeps {
  /** The call a stream belongs to (its issue, facts, persona), or null when there is no such call. */
  loadCall(callId: string): Promise<CallContext | null>;
  saveUsage(callId: string, report: CallLineReport, costUsd: number): Promise<void>;
  publishPartial(callId: string, partial: { speaker: 'agent' | 'callee'; itemId: string; text: string }): void;
  telephony: Telephony;
  transcripts: TranscriptWriter;
  workflow: WorkflowNotifier;
  brain: BrainSettings;
  authToken: string;
  publicUrl: string;
  /** The API's public base URL (TwiML webhooks live there). */
  apiPublicUrl: string;
  /** How to bring the user onto a call (their phone, the agent's TwiML App); absent: the agent cannot. */
  loopIn?: LoopInSettings;
  callTokenSecret: string;
  log: Logger;
}

const START_TIMEOUT_MS = 10_000;
/** Twilio's messages are a few hundred bytes; anything near this is not a media stream. */
const MAX_MESSAGE_BYTES = 1 << 20;

export function createBridgeServer(deps: BridgeDeps): { server: http.Server; sessions: Map<string, CallSession> } {
  const sessions = new Map<string, CallSession>();
  const server = http.createServer((req, res) => {
    if (req.url === '/health') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, calls: sessions.size }));
    else res.writeHead(404).end();
  });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://bridge').pathname;
    const signature = req.headers['x-twilio-signature'];
    if (path !== new URL(deps.publicUrl).pathname) return refuseUpgrade(socket, 404, 'Not Found');
    if (typeof signature !== 'string' || !twilio.validateRequest(deps.authToken, signature, deps.publicUrl, {})) {
      deps.log.warn('refused a media stream with a bad or missing X-Twilio-Signature', { remote: req.socket.remoteAddress });
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    const ws = upgradeToWebSocket(req, socket, head, { maxPayload: MAX_MESSAGE_BYTES });
    if (!ws) return;
    const stream = new CarrierStream(ws, (problem) => deps.log.warn('invalid message from the carrier', { problem }));
    const startTimer = setTimeout(() => stream.close(1008, 'no start message'), START_TIMEOUT_MS);
    stream.once('close', () => clearTimeout(startTimer));
    stream.once('start', (start) => {
      clearTimeout(startTimer);
      void onStart(stream, start.callSid, start.customParameters).catch((err) => {
        deps.log.error('could not start the call session', { error: (err as Error).message });
        stream.close(1011, 'session failed');
      });
    });
  });

  async function onStart(stream: CarrierStream, callSid: string, params: Record<string, string>): Promise<void> {
    const { callId, token } = params;
    if (!callId || !token || !verifyCallToken(deps.callTokenSecret, callId, token)) {
      deps.log.warn('refused a media stream with an invalid call token', { callSid });
      return stream.close(1008, 'invalid call token');
    }
    let session = sessions.get(callId);
    if (!session) {
      const call = await deps.loadCall(callId);
      if (!call) return stream.close(1008, 'unknown call');
      session = new CallSession({
        call,
        callSid,
        voiceUrl: `${deps.apiPublicUrl}/twilio/voice?callId=${encodeURIComponent(callId)}`,
        saveUsage: (usage, costUsd) => deps.saveUsage(callId, usage, costUsd),
        publishPartial: (partial) => deps.publishPartial(callId, partial),
        brain: deps.brain,
        loopIn: deps.loopIn,
        telephony: deps.telephony,
        transcripts: deps.transcripts,
        workflow: deps.workflow,
        log: deps.log,
      });
      sessions.set(callId, session);
    }
    const current = session;
    stream.once('close', () => {
      setTimeout(() => {
        if (!current.hasStream && sessions.get(callId) === current) {
          current.close();
          sessions.delete(callId);
        }
      }, current.reattachGraceMs).unref();
    });
    deps.log.info('media stream started', { callId, callSid, streamSid: stream.streamSid });
    await current.attach(stream);
  }

  return { server, sessions };
}
