import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signCallToken } from '../common/callToken.js';
import { createLogger } from '../common/logger.js';
import type { CallContext, NewTranscriptLine } from '../db/calls.js';
import { synthesize } from '../sandbox/speech/synthesizer.js';
import { startVoiceEngine } from '../sandbox/voiceEngine/voiceEngine.js';
import { freePort } from '../stack/ports.js';
import type { Telephony } from '../telephony/telephony.js';
import type { WorkflowNotifier } from './workflowNotifier.js';
import { createBridgeServer } from './server.js';
import { FakeCarrier } from './testing/fakeCarrier.js';
import { startRecordingProxy } from './testing/recordingProxy.js';
import { TranscriptWriter } from './transcriptWriter.js';

const SECRET = 'barge-in-test-secret-value';
const AUTH_TOKEN = 'carrier-auth-token';
const ISSUE = 'My internet has been dropping every evening for two weeks and I would like a technician to come and check the line outside the house.';
const call: CallContext = {
  id: 'call_000000000000000000000001', direction: 'outbound', from: '+12125550100', ownerId: 'local', workflowId: 'call-call_000000000000000000000001',
  to: '+18005550101', company: 'Acme Telecom', userName: 'Jane Doe', issue: ISSUE, goal: null, facts: {}, persona: {}, options: {},
};
const waitUntil = async (what: string, check: () => boolean, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('barge-in', { timeout: 60_000 }, () => {
  const lines: NewTranscriptLine[] = [];
  let stopAll: () => Promise<void>;
  let bridgeUrl: string;
  let proxySent: any[];
  let proxyReceived: any[];

  before(async () => {
    const log = createLogger('test', 'error');
    const engine = await startVoiceEngine({ port: 0 });
    const proxy = await startRecordingProxy(engine.url.replace(/^http/, 'ws'));
    proxySent = proxy.sent;
    proxyReceived = proxy.received;
    const port = await freePort();
    bridgeUrl = `ws://127.0.0.1:${port}/media`;
    const noTelephony: Telephony = { placeCall: async () => ({ callSid: '' }), fetchCall: async () => ({ status: 'in-progress', durationSeconds: null }), updateCall: async () => undefined, hangup: async () => undefined, downloadRecording: async () => Buffer.alloc(0) };
    const { server } = createBridgeServer({
      loadCall: async (id) => (id === call.id ? call : null),
      saveUsage: async () => undefined,
      publishPartial: () => undefined,
      telephony: noTelephony,
      transcripts: new TranscriptWriter(async (line) => void lines.push(line), log),
      workflow: { signal: async () => undefined } as unknown as WorkflowNotifier,
      brain: { apiKey: 'sandbox', baseUrl: `${proxy.url}/v1`, ca: undefined, model: 'gpt-realtime', voice: 'marin', turnDetection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500 } },
      authToken: AUTH_TOKEN,
      publicUrl: bridgeUrl,
      apiPublicUrl: 'http://127.0.0.1:1',
      callTokenSecret: SECRET,
      log,
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    stopAll = async () => {
      server.closeAllConnections?.();
      server.close();
      await proxy.close();
      await engine.close();
    };
  });
  after(async () => stopAll());

  it('tells the model exactly how much of its reply the other side heard before talking over it', async () => {
    const carrier = new FakeCarrier();
    await carrier.connect(bridgeUrl, AUTH_TOKEN, { callId: call.id, token: signCallToken(SECRET, call.id) });
    carrier.say(await synthesize('Thank you for calling Acme Telecom. How can I help you today?'));
    await waitUntil('the agent to start answering', () => carrier.received.some((m) => m.event === 'media'));
    await new Promise((r) => setTimeout(r, 1500));
    carrier.say(await synthesize('Sorry to cut in, could you hold on for just one second please?'));
    await waitUntil('the bridge to clear its audio', () => carrier.clears.length > 0);
    carrier.close();

    const truncate = proxySent.find((e) => e.type === 'conversation.item.truncate');
    assert.ok(truncate, 'the bridge truncated the interrupted reply');
    const heard = carrier.clears[0].playedMs;
    assert.ok(heard > 1000, `some of the reply was heard (${heard} ms)`);
    assert.ok(Math.abs(truncate.audio_end_ms - heard) <= 20, `audio_end_ms ${truncate.audio_end_ms} vs ${heard} ms actually played`);

    await waitUntil('the agent line to be stored', () => lines.some((l) => l.speaker === 'agent'));
    const agentLine = lines.find((l) => l.speaker === 'agent')!;
    assert.ok(agentLine.text.length < ISSUE.length, `the stored line is cut where the reply was interrupted: ${agentLine.text}`);
  });

  it('only sends events the Realtime API accepts', () => {
    const kinds = new Set(proxySent.map((e) => e.type));
    for (const kind of kinds) assert.ok(['session.update', 'input_audio_buffer.append', 'conversation.item.create', 'response.create', 'conversation.item.truncate'].includes(kind), kind);
    assert.deepEqual(proxyReceived.filter((e) => e.type === 'error'), [], 'the model rejected nothing the bridge sent');
  });
});
