import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { synthesize } from '../sandbox/speech/synthesizer.js';
import { startVoiceEngine } from '../sandbox/voiceEngine/voiceEngine.js';
import { startBridgeUnderTest, TEST_CALL, waitUntil } from './testing/bridgeUnderTest.js';
import { startRecordingProxy } from './testing/recordingProxy.js';

describe('barge-in', { timeout: 60_000 }, () => {
  let bridge: Awaited<ReturnType<typeof startBridgeUnderTest>>;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  let engine: Awaited<ReturnType<typeof startVoiceEngine>>;

  before(async () => {
    engine = await startVoiceEngine({ port: 0 });
    proxy = await startRecordingProxy(engine.url.replace(/^http/, 'ws'));
    bridge = await startBridgeUnderTest(`${proxy.url}/v1`);
  });
  after(async () => {
    await bridge.stop();
    await proxy.close();
    await engine.close();
  });

  it('tells the model exactly how much of its reply the other side heard before talking over it', async () => {
    const carrier = await bridge.connectCarrier();
    carrier.say(await synthesize('Thank you for calling Acme Telecom. How can I help you today?'));
    await waitUntil('the agent to start answering', () => carrier.received.some((m) => m.event === 'media'));
    await new Promise((r) => setTimeout(r, 1500));
    carrier.say(await synthesize('Sorry to cut in, could you hold on for just one second please?'));
    await waitUntil('the bridge to clear its audio', () => carrier.clears.length > 0);
    carrier.close();

    const truncate = proxy.sent.find((e) => e.type === 'conversation.item.truncate');
    assert.ok(truncate, 'the bridge truncated the interrupted reply');
    const heard = carrier.clears[0].playedMs;
    assert.ok(heard > 1000, `some of the reply was heard (${heard} ms)`);
    assert.ok(Math.abs(truncate.audio_end_ms - heard) <= 20, `audio_end_ms ${truncate.audio_end_ms} vs ${heard} ms actually played`);

    await waitUntil('the agent line to be stored', () => bridge.lines.some((l) => l.speaker === 'agent'));
    const agentLine = bridge.lines.find((l) => l.speaker === 'agent')!;
    assert.ok(agentLine.text.length < TEST_CALL.issue.length, `the stored line is cut where the reply was interrupted: ${agentLine.text}`);
  });

  it('only sends events the Realtime API accepts', () => {
    const kinds = new Set(proxy.sent.map((e) => e.type));
    for (const kind of kinds) assert.ok(['session.update', 'input_audio_buffer.append', 'conversation.item.create', 'response.create', 'conversation.item.truncate'].includes(kind), kind);
    assert.deepEqual(proxy.received.filter((e) => e.type === 'error'), [], 'the model rejected nothing the bridge sent');
  });
});
