import { createLogger } from '../common/logger.js';
import type { CallContext } from '../db/calls.js';
import { createBridgeServer } from '../media-bridge/server.js';
import { TranscriptWriter } from '../media-bridge/transcriptWriter.js';
import type { WorkflowNotifier } from '../media-bridge/workflowNotifier.js';
import { noTelephony } from '../media-bridge/testing/noTelephony.js';
import { serveUntilStopped } from './childLink.js';
import { parseBridgeChildSettings } from './bridgeChildSettings.js';

// The real media-bridge server in a process of its own, with the outside world (database, Temporal,
// carrier REST) replaced by no-ops: only the audio path is exercised and measured.
const settings = parseBridgeChildSettings(process.argv[2]);
const log = createLogger('bench-bridge', 'warn');


const { server, sessions } = createBridgeServer({
  loadCall: async (callId): Promise<CallContext> => ({
    id: callId,
    direction: 'outbound',
    from: '+15005550001',
    persona: {},
    options: {},
    ownerId: 'bench',
    workflowId: `call-${callId}`,
    to: '+15005550006',
    company: 'Bench Co',
    userName: 'Bench User',
    issue: 'A benchmark call: every frame is echoed.',
    goal: null,
    facts: {},
  }),
  saveUsage: async () => undefined,
  publishPartial: () => undefined,
  telephony: noTelephony,
  transcripts: new TranscriptWriter(async () => undefined, log),
  workflow: { signal: async () => undefined } as unknown as WorkflowNotifier,
  brain: {
    apiKey: 'bench',
    baseUrl: `http://127.0.0.1:${settings.enginePort}/v1`,
    ca: undefined,
    model: 'gpt-realtime',
    voice: 'alloy',
    turnDetection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500 },
  },
  authToken: settings.authToken,
  publicUrl: settings.publicUrl,
  apiPublicUrl: 'http://127.0.0.1/bench-api',
  callTokenSecret: settings.callTokenSecret,
  log,
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('bridge has no port');
  serveUntilStopped(address.port, async () => {
    for (const session of sessions.values()) session.close();
    server.close();
  });
});
