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

  it('refuses real Twilio without the public URL its webhooks need', () => {
    assert.throws(() => loadConfig({ TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'secret' }), /PUBLIC_URL: required/);
  });
});
