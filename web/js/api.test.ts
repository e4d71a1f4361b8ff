import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, createApiClient } from './api.js';

// A stand-in API holding calls in memory, honouring Idempotency-Key the way the real one promises to.
const callsByKey = new Map<string, Record<string, unknown>>();
let sandboxRunning = true;

const server = http.createServer(async (req, res) => {
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const path = req.url ?? '';
  if (req.method === 'POST' && path === '/app/calls') {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw);
    // Worded like the real API: lower case, to be shown as the page sees fit.
    if (!body.to) return send(400, { error: 'invalid call request', details: [{ path: 'to', message: 'must be a phone number in E.164 form, like +18005550101' }] });
    const key = String(req.headers['idempotency-key']);
    if (!callsByKey.has(key)) callsByKey.set(key, { id: `call_${callsByKey.size + 1}`, status: 'queued', ...body });
    return send(201, callsByKey.get(key));
  }
  if (req.method === 'HEAD' && path === '/app/calls/call_1/recording') {
    res.writeHead(200, { 'content-type': 'audio/wav' });
    return res.end();
  }
  if (path === '/app/calls') return send(200, { calls: [...callsByKey.values()].reverse() });
  if (path === '/app/sandbox/businesses') {
    return sandboxRunning ? send(200, { businesses: [{ id: 'acme', name: 'Acme Bank', phoneNumber: '+15550100', description: 'IVR' }] }) : send(404, { error: 'Not found' });
  }
  if (path.startsWith('/behind-broken-proxy/')) {
    res.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html' });
    return res.end('<html>proxy error</html>');
  }
  send(404, { error: `no call at ${path}` });
});

let api: ReturnType<typeof createApiClient>;
let baseUrl: string;

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/app/`;
  api = createApiClient({ baseUrl });
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('submitting twice with one idempotency key places one call, under the page’s path prefix', async () => {
  const request = { to: '+12125550100', issue: 'Double charge' };
  const first = await api.createCall(request, 'key-1');
  const retry = await api.createCall(request, 'key-1');
  assert.equal(first.id, retry.id);
  assert.equal(first.issue, 'Double charge');
  const calls = await api.listCalls();
  assert.deepEqual(calls.map((c: { id: string }) => c.id), [first.id]);
});

test('a refused request carries the server’s message and the fields to fix', async () => {
  await assert.rejects(api.createCall({ issue: 'x' }, 'key-2'), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 400);
    assert.equal(error.message, 'Invalid call request');
    assert.deepEqual(error.details, [{ path: 'to', message: 'Must be a phone number in E.164 form, like +18005550101' }]);
    return true;
  });
});

test('a missing call is a 404 ApiError with the server’s message', async () => {
  await assert.rejects(api.getCall('nope'), { name: 'ApiError', status: 404, message: 'No call at /app/calls/nope' });
});

test('sandbox businesses are offered while the sandbox runs, and none when it does not', async () => {
  assert.equal((await api.listSandboxBusinesses())[0].name, 'Acme Bank');
  sandboxRunning = false;
  assert.deepEqual(await api.listSandboxBusinesses(), []);
});

test('an HTML error page from a proxy still gives a readable message', async () => {
  const proxy = createApiClient({ baseUrl: new URL('/behind-broken-proxy/', baseUrl).href });
  await assert.rejects(proxy.listCalls(), { status: 502, message: 'The server answered 502 Bad Gateway.' });
});

test('an unreachable server is reported as such, not as a crash', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const offline = createApiClient({ baseUrl: `http://127.0.0.1:${port}/` });
  await assert.rejects(offline.listCalls(), { status: 0, message: /Can’t reach the server/ });
});

test('the live events address sits beside the call', () => {
  assert.equal(api.callEventsUrl('call 1'), `${baseUrl}calls/call%201/events`);
});

test('a recording is offered only once the server has it', async () => {
  assert.equal(api.recordingUrl('call_1'), `${baseUrl}calls/call_1/recording`);
  assert.equal(await api.hasRecording('call_1'), true);
  assert.equal(await api.hasRecording('call_2'), false);
});
