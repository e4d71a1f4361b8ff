import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { newIdempotencyKey } from './idempotencyKey.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('keys are distinct UUID v4s', () => {
  const a = newIdempotencyKey();
  assert.match(a, UUID_V4);
  assert.notEqual(a, newIdempotencyKey());
});

test('a page without randomUUID (plain http on a LAN address) still gets distinct UUID v4s', () => {
  const insecureContext = { getRandomValues: (bytes: Uint8Array) => webcrypto.getRandomValues(bytes) };
  const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey(insecureContext as Crypto)));
  assert.equal(keys.size, 50);
  for (const key of keys) assert.match(key, UUID_V4);
});
