import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import WebSocket from 'ws';
import { RealtimeTestClient } from './realtimeTestClient.js';
import { startVoiceEngine, type VoiceEngine } from './voiceEngine.js';

let engine: VoiceEngine;

before(async () => {
  engine = await startVoiceEngine({ port: 0 });
});

after(() => engine.close());

const wsUrl = (path: string) => `${engine.url.replace(/^http/, 'ws')}${path}`;

/** Status and JSON body the server answers a WebSocket upgrade with when it refuses it. */
function refusedUpgrade(path: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(path), { headers });
    socket.on('open', () => reject(new Error('upgrade was accepted')));
    socket.on('error', () => undefined);
    socket.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(body) }));
    });
  });
}

test('serves the Realtime endpoint on an ephemeral port and announces the session', async () => {
  assert.ok(engine.port > 0);
  assert.equal(engine.url, `http://127.0.0.1:${engine.port}`);
  const client = await RealtimeTestClient.connect(wsUrl('/v1/realtime?model=gpt-realtime'));
  const created = await client.waitFor('session.created');
  assert.equal(created.session.type, 'realtime');
  assert.equal(created.session.model, 'gpt-realtime');
  assert.match(created.session.id, /^sess_/);
  assert.deepEqual(created.session.audio.input.format, { type: 'audio/pcmu' });
  assert.equal(created.session.audio.input.turn_detection.type, 'server_vad');
  await client.close();
});

test('refuses a connection without a bearer token with 401', async () => {
  const refused = await refusedUpgrade('/v1/realtime?model=gpt-realtime', {});
  assert.equal(refused.status, 401);
  assert.equal(refused.body.error.type, 'invalid_request_error');
  assert.equal((await refusedUpgrade('/v1/realtime?model=gpt-realtime', { Authorization: 'Bearer ' })).status, 401);
});

test('refuses unknown paths with 404 and a missing model with 400', async () => {
  assert.equal((await refusedUpgrade('/v1/other?model=gpt-realtime', { Authorization: 'Bearer k' })).status, 404);
  assert.equal((await refusedUpgrade('/v1/realtime', { Authorization: 'Bearer k' })).status, 400);
});

test('answers plain HTTP with 404 for unknown paths', async () => {
  const status = await new Promise<number>((resolve, reject) => {
    request(`${engine.url}/v1/models`, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
  assert.equal(status, 404);
});
