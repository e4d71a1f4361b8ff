import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import WebSocket from 'ws';
import { benchFrame, framesOf, readFrameIndex, readHoldMicros } from './frameStamp.js';
import { startEngineStub } from './engineStub.js';

async function connect(port: number): Promise<{ socket: WebSocket; next: (type: string) => Promise<Record<string, any>> }> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/v1/realtime?model=gpt-realtime`);
  const inbox: Record<string, any>[] = [];
  const waiters: Array<() => void> = [];
  socket.on('message', (data) => {
    inbox.push(JSON.parse(data.toString()));
    for (const w of waiters.splice(0)) w();
  });
  await once(socket, 'open');
  const next = async (type: string): Promise<Record<string, any>> => {
    for (;;) {
      const index = inbox.findIndex((e) => e.type === type);
      if (index >= 0) return inbox.splice(0, index + 1)[index];
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { socket, next };
}

test('the stub greets like a Realtime server and echoes each appended frame as agent audio', async (t) => {
  const stub = await startEngineStub();
  t.after(() => stub.close());
  const { socket, next } = await connect(stub.port);
  assert.ok((await next('session.created')).session.id);
  socket.send(JSON.stringify({ type: 'session.update', session: { type: 'realtime', instructions: 'hi' } }));
  assert.equal((await next('session.updated')).session.instructions, 'hi');
  for (const index of [1, 2, 3]) socket.send(JSON.stringify({ type: 'input_audio_buffer.append', audio: benchFrame(index, false).toString('base64') }));
  const deltas = [await next('response.output_audio.delta'), await next('response.output_audio.delta'), await next('response.output_audio.delta')];
  assert.deepEqual(deltas.map((d) => readFrameIndex(Buffer.from(d.delta, 'base64'), 0)), [1, 2, 3]);
  assert.equal(new Set(deltas.map((d) => d.item_id)).size, 1, 'one long-running item');
  assert.equal(stub.sessions, 1);
  socket.close();
});

test('an append of several frames comes back whole, every frame stamped with the stub hold time', async (t) => {
  const stub = await startEngineStub();
  t.after(() => stub.close());
  const { socket, next } = await connect(stub.port);
  const chunk = Buffer.concat([benchFrame(10, false), benchFrame(11, false), benchFrame(12, false)]);
  socket.send(JSON.stringify({ type: 'input_audio_buffer.append', audio: chunk.toString('base64') }));
  const frames = framesOf(Buffer.from((await next('response.output_audio.delta')).delta, 'base64'));
  assert.deepEqual(frames.map((f) => readFrameIndex(f, 0)), [10, 11, 12]);
  // Microseconds of stub time; a corrupt stamp would read as a huge number.
  for (const frame of frames) assert.ok(readHoldMicros(frame, 0) < 1_000_000);
  socket.close();
});

test('a loud frame starts speech, the next quiet one stops it and a new response begins', async (t) => {
  const stub = await startEngineStub();
  t.after(() => stub.close());
  const { socket, next } = await connect(stub.port);
  await next('response.created');
  socket.send(JSON.stringify({ type: 'input_audio_buffer.append', audio: benchFrame(1, true).toString('base64') }));
  const started = await next('input_audio_buffer.speech_started');
  assert.equal(started.audio_start_ms, 0);
  socket.send(JSON.stringify({ type: 'input_audio_buffer.append', audio: benchFrame(2, false).toString('base64') }));
  const stopped = await next('input_audio_buffer.speech_stopped');
  assert.equal(stopped.item_id, started.item_id);
  assert.equal(stopped.audio_end_ms, 20);
  await next('response.created');
  socket.close();
});

test('events the stub cannot take are answered with a Realtime error event', async (t) => {
  const stub = await startEngineStub();
  t.after(() => stub.close());
  const { socket, next } = await connect(stub.port);
  socket.send('not json');
  assert.match((await next('error')).error.message, /not JSON/);
  socket.send(JSON.stringify({ type: 'input_audio_buffer.append' }));
  assert.match((await next('error')).error.message, /base64 audio/);
  socket.send(JSON.stringify({ type: 'output_audio_buffer.clear' }));
  assert.match((await next('error')).error.message, /unsupported/);
  socket.close();
});
