import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { WebSocketServer } from 'ws';
import { startBridgeUnderTest, waitUntil } from './testing/bridgeUnderTest.js';

// A scripted Realtime server: on the first audio it reports an error, sends an event nobody knows, and
// then answers normally. The bridge must shrug off the first two and carry on with the call.
async function startScriptedModel(): Promise<{ url: string; close(): Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  server.on('connection', (socket) => {
    let answered = false;
    socket.send(JSON.stringify({ type: 'session.created', event_id: 'e1', session: {} }));
    socket.on('message', (data) => {
      const event = JSON.parse(data.toString());
      if (event.type !== 'input_audio_buffer.append' || answered) return;
      answered = true;
      const audio = Buffer.alloc(1600, 0x7f).toString('base64');
      for (const reply of [
        { type: 'error', event_id: 'e2', error: { type: 'invalid_request_error', code: 'unknown_parameter', message: 'Unknown parameter' } },
        { type: 'response.something_new', event_id: 'e3', detail: 42 },
        { type: 'response.created', event_id: 'e4', response: { id: 'resp_1' } },
        { type: 'response.output_audio.delta', event_id: 'e5', item_id: 'item_1', output_index: 0, content_index: 0, delta: audio },
        { type: 'response.output_audio_transcript.done', event_id: 'e6', item_id: 'item_1', transcript: 'Hello, I am calling about a bill.' },
        { type: 'response.output_audio.done', event_id: 'e7', item_id: 'item_1' },
        { type: 'response.done', event_id: 'e8', response: { id: 'resp_1', status: 'completed', usage: { input_tokens: 10, output_tokens: 20, input_token_details: { audio_tokens: 10 }, output_token_details: { audio_tokens: 20 } } } },
      ]) socket.send(JSON.stringify(reply));
    });
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, close: () => new Promise((r) => server.close(() => r())) };
}

describe('events from the voice model', { timeout: 30_000 }, () => {
  let model: Awaited<ReturnType<typeof startScriptedModel>>;
  let bridge: Awaited<ReturnType<typeof startBridgeUnderTest>>;
  before(async () => {
    model = await startScriptedModel();
    bridge = await startBridgeUnderTest(model.url);
  });
  after(async () => {
    await bridge.stop();
    await model.close();
  });

  it('survives an error event and an unknown event, and keeps relaying the reply', async () => {
    const carrier = await bridge.connectCarrier();
    await waitUntil('the reply audio to reach the carrier', () => carrier.received.some((m) => m.event === 'media'));
    await waitUntil('the reply to be stored once heard', () => bridge.lines.some((l) => l.speaker === 'agent'));
    carrier.close();
    const media = carrier.received.filter((m) => m.event === 'media');
    assert.equal(Buffer.concat(media.map((m) => Buffer.from(m.media.payload, 'base64'))).length, 1600);
    assert.ok(carrier.received.some((m) => m.event === 'mark'), 'the reply audio is followed by a mark');
    assert.equal(bridge.lines.find((l) => l.speaker === 'agent')?.text, 'Hello, I am calling about a bill.');
  });
});
