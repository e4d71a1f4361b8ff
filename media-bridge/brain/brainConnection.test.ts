import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '../../common/logger.js';
import { freePort } from '../../stack/ports.js';
import { startVoiceEngine } from '../../sandbox/voiceEngine/voiceEngine.js';
import { BrainConnection } from './brainConnection.js';
import type { BrainEvent, BrainSettings } from './realtimeBrain.js';

const log = createLogger('test', 'error');
const settings = (baseUrl: string): BrainSettings => ({
  apiKey: 'sandbox', baseUrl, ca: undefined, model: 'gpt-realtime', voice: 'marin',
  turnDetection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500 },
});

describe('voice model connection', () => {
  let engine: Awaited<ReturnType<typeof startVoiceEngine>>;
  before(async () => {
    engine = await startVoiceEngine({ port: 0 });
  });
  after(async () => {
    await engine.close();
  });

  it('rotates a session that reached its maximum age into a new one that knows the conversation so far', async () => {
    let history = '';
    const connection = new BrainConnection(settings(`${engine.url}/v1`), () => `Brief.${history}`, log, { maxSessionMs: 1200, responseTimeoutMs: 10_000, maxReconnects: 1 });
    const sessions: BrainEvent[] = [];
    connection.on('event', (event) => {
      if (event.type === 'session.updated') sessions.push(event);
    });
    await connection.start();
    history = '\n## Conversation so far\nRepresentative: Your case number is 5 5 1 2.';
    const deadline = Date.now() + 8000;
    while (sessions.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    connection.close();
    assert.ok(sessions.length >= 2, 'a second session was opened');
    assert.match(sessions.at(-1)!.session.instructions, /Your case number is 5 5 1 2/);
  });

  it('gives up with a reason when the model cannot be reached at all', async () => {
    const connection = new BrainConnection(settings(`http://127.0.0.1:${await freePort()}/v1`), () => 'Brief.', log, { maxSessionMs: 60_000, responseTimeoutMs: 10_000, maxReconnects: 2 });
    const failed = once(connection, 'failed');
    await connection.start();
    const [reason] = await failed;
    connection.close();
    assert.match(String(reason), /ECONNREFUSED/);
  });
});
