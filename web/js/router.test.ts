import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callHref, parseRoute } from './router.js';

test('an empty hash and #/ both open the new call form', () => {
  assert.deepEqual(parseRoute(''), { view: 'new-call' });
  assert.deepEqual(parseRoute('#/'), { view: 'new-call' });
  assert.deepEqual(parseRoute('#/new'), { view: 'new-call' });
});

test('a call link opens that call, and survives ids that need escaping', () => {
  assert.deepEqual(parseRoute('#/calls/call_123'), { view: 'call', id: 'call_123' });
  const id = 'call 7/α';
  assert.deepEqual(parseRoute(callHref(id)), { view: 'call', id });
});

test('anything else is a page that does not exist', () => {
  assert.deepEqual(parseRoute('#/calls/'), { view: 'not-found' });
  assert.deepEqual(parseRoute('#/settings'), { view: 'not-found' });
  assert.deepEqual(parseRoute('#/calls/%E0%A4%A'), { view: 'not-found' });
});
