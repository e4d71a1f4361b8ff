import type http from 'node:http';
import { signCallToken } from '../../common/callToken.js';
import { createLogger } from '../../common/logger.js';
import type { CallContext, NewTranscriptLine } from '../../db/calls.js';
import { freePort } from '../../stack/ports.js';
import { noTelephony } from './noTelephony.js';
import { createBridgeServer } from '../server.js';
import { TranscriptWriter } from '../transcriptWriter.js';
import type { WorkflowNotifier } from '../workflowNotifier.js';
import { FakeCarrier } from './fakeCarrier.js';

const SECRET = 'bridge-test-secret-value';
const AUTH_TOKEN = 'carrier-auth-token';

export const TEST_CALL: CallContext = {
  id: 'call_000000000000000000000001', direction: 'outbound', from: '+12125550100', ownerId: 'local', workflowId: 'call-call_000000000000000000000001',
  to: '+18005550101', company: 'Acme Telecom', userName: 'Jane Doe',
  issue: 'My internet has been dropping every evening for two weeks and I would like a technician to come and check the line outside the house.',
  goal: null, facts: {}, persona: {}, options: {},
};

/** The real bridge server with the outside world stubbed at its seams, and a way to call into it. */
export async function startBridgeUnderTest(brainBaseUrl: string): Promise<{ lines: NewTranscriptLine[]; connectCarrier(): Promise<FakeCarrier>; stop(): Promise<void> }> {
  const log = createLogger('test', 'error');
  const lines: NewTranscriptLine[] = [];
  const port = await freePort();
  const bridgeUrl = `ws://127.0.0.1:${port}/media`;
  const { server } = createBridgeServer({
    loadCall: async (id) => (id === TEST_CALL.id ? TEST_CALL : null),
    saveUsage: async () => undefined,
    publishPartial: () => undefined,
    telephony: noTelephony,
    transcripts: new TranscriptWriter(async (line) => void lines.push(line), log),
    workflow: { signal: async () => undefined } as unknown as WorkflowNotifier,
    brain: { apiKey: 'sandbox', baseUrl: brainBaseUrl, ca: undefined, model: 'gpt-realtime', voice: 'marin', turnDetection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500 } },
    authToken: AUTH_TOKEN,
    publicUrl: bridgeUrl,
    apiPublicUrl: 'http://127.0.0.1:1',
    callTokenSecret: SECRET,
    log,
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const carriers: FakeCarrier[] = [];
  return {
    lines,
    connectCarrier: async () => {
      const carrier = new FakeCarrier();
      carriers.push(carrier);
      await carrier.connect(bridgeUrl, AUTH_TOKEN, { callId: TEST_CALL.id, token: signCallToken(SECRET, TEST_CALL.id) });
      return carrier;
    },
    stop: async () => {
      for (const c of carriers) c.close();
      (server as http.Server).closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export async function waitUntil(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
