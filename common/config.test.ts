import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('runs on local sandbox defaults with no variables set', () => {
    const config = loadConfig({});
    assert.equal(config.sandbox.enabled, true);
    assert.equal(config.api.port, 3000);
    assert.equal(config.twilio.apiBaseUrl, 'http://127.0.0.1:3100');
    assert.equal(config.openai.local, true);
    assert.match(config.openai.baseUrl!, /^https:\/\/127\.0\.0\.1:3200\/v1$/);
    assert.equal(config.bridge.publicUrl, 'ws://127.0.0.1:3001/media');
  });

  it('names the variable at fault when a value is invalid', () => {
    assert.throws(() => loadConfig({ API_PORT: 'eighty' }), (err: ConfigError) => err instanceof ConfigError && /API_PORT/.test(err.message));
    assert.throws(() => loadConfig({ TWILIO_FROM_NUMBER: '555-0100' }), /TWILIO_FROM_NUMBER: expected an E\.164 number/);
  });

  it('switches to real Twilio and OpenAI when their credentials are set', () => {
    const config = loadConfig({
      TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'secret', OPENAI_API_KEY: 'sk-test', PUBLIC_URL: 'https://agent.example.com/', CALL_TOKEN_SECRET: 'a-long-production-secret',
    });
    assert.equal(config.twilio.apiBaseUrl, undefined);
    assert.equal(config.openai.baseUrl, undefined);
    assert.equal(config.sandbox.enabled, false);
    assert.equal(config.api.publicUrl, 'https://agent.example.com');
    assert.equal(config.bridge.publicUrl, 'wss://agent.example.com/media');
  });

  it('gives each media-bridge instance its own port and stream path', () => {
    const local = loadConfig({ BRIDGE_INSTANCES: '3', BRIDGE_INSTANCE: '2' }).bridge;
    assert.deepEqual(local.ports, [3001, 3002, 3003]);
    assert.deepEqual(local.streamUrls, ['ws://127.0.0.1:3001/media/0', 'ws://127.0.0.1:3002/media/1', 'ws://127.0.0.1:3003/media/2']);
    assert.equal(local.port, 3003);
    assert.equal(local.publicUrl, 'ws://127.0.0.1:3003/media/2');
    const proxied = loadConfig({ BRIDGE_INSTANCES: '2', PUBLIC_URL: 'https://agent.example.com' }).bridge;
    assert.deepEqual(proxied.streamUrls, ['wss://agent.example.com/media/0', 'wss://agent.example.com/media/1']);
    const explicit = loadConfig({ BRIDGE_INSTANCES: '2', BRIDGE_PUBLIC_URL: 'wss://bridge.example.com/streams/' }).bridge;
    assert.deepEqual(explicit.streamUrls, ['wss://bridge.example.com/streams/0', 'wss://bridge.example.com/streams/1']);
  });

  it('refuses an instance number outside BRIDGE_INSTANCES, and instance ports past 65535', () => {
    assert.throws(() => loadConfig({ BRIDGE_INSTANCES: '2', BRIDGE_INSTANCE: '2' }), /BRIDGE_INSTANCE: 2 is not one of the 2 instances \(0 to 1\)/);
    assert.throws(() => loadConfig({ BRIDGE_INSTANCES: '0' }), /BRIDGE_INSTANCES/);
    assert.throws(() => loadConfig({ BRIDGE_INSTANCES: '4', BRIDGE_PORT: '65534' }), /BRIDGE_PORT: 4 instances from port 65534 would run past 65535/);
  });

  it('refuses real Twilio without the public URL its webhooks need', () => {
    assert.throws(() => loadConfig({ TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'secret' }), /PUBLIC_URL: required/);
  });
});
