import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxBusinessDirectory } from '../businesses/sandboxBusinesses.js';
import { startCarrier, type RunningCarrier } from '../carrier/carrier.js';
import { startFakeApplication, type FakeApplication } from '../carrier/fakeApplication.js';
import { callIn, parseCallInArgs, UsageError } from './callIn.js';

const ACCOUNT_SID = 'AC' + '7'.repeat(32);
const AUTH_TOKEN = 'call-in-token';

let carrier: RunningCarrier;
let app: FakeApplication;

before(async () => {
  app = await startFakeApplication(AUTH_TOKEN);
  // An app that greets and hangs up before the caller can say much.
  app.serveTwiml('/inbound', '<Response><Say>Hello, please call back later.</Say><Pause length="1"/></Response>');
  carrier = await startCarrier({ port: 0, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, businesses: sandboxBusinessDirectory(), people: [], inboundVoiceUrl: `${app.url}/inbound` });
});

after(async () => {
  await carrier.close();
  await app.close();
});

test('arguments: the caller, the numbers, SANDBOX_PORT, and the app number from TWILIO_FROM_NUMBER by default', () => {
  assert.deepEqual(parseCallInArgs(['--caller', 'dana'], { SANDBOX_PORT: '3999', TWILIO_FROM_NUMBER: '+12125550123' }), {
    sandboxUrl: 'http://127.0.0.1:3999',
    caller: 'dana',
    to: '+12125550123',
    from: undefined,
    wait: true,
  });
  assert.deepEqual(parseCallInArgs(['--to', '+12125550100', '--from', '+15005550009', '--no-wait'], {}), {
    sandboxUrl: 'http://127.0.0.1:3100',
    caller: 'dana',
    to: '+12125550100',
    from: '+15005550009',
    wait: false,
  });
  assert.throws(() => parseCallInArgs(['--who', 'x'], {}), (error: UsageError) => error.exitCode === 2 && /Usage/.test(error.message));
  assert.throws(() => parseCallInArgs(['--help'], {}), (error: UsageError) => error.exitCode === 0);
  assert.throws(() => parseCallInArgs([], { SANDBOX_PORT: 'lots' }), /SANDBOX_PORT/);
});

test('the CLI asks the running sandbox for the call and follows it to the end', async () => {
  const lines: string[] = [];
  const { callSid, truth } = await callIn({ sandboxUrl: carrier.url, caller: 'dana', wait: true }, (line) => lines.push(line));
  assert.match(callSid, /^CA[0-9a-f]{32}$/);
  assert.equal(truth?.status, 'completed');
  assert.deepEqual(truth?.heard?.slice(0, 1), ['Hello, please call back later.']);
  assert.match(lines[0], /^Dana from Patel Dental is calling \+12125550100 from \+18005550111: call CA/);
  assert.ok(lines.includes('  caller heard: Hello, please call back later.'), lines.join('\n'));
});

test('a sandbox that refuses, or none at all, is a clear error', async () => {
  await assert.rejects(callIn({ sandboxUrl: carrier.url, caller: 'zed', wait: false }, () => undefined), /refused the call \(HTTP 404\): no sandbox caller "zed"/);
  await assert.rejects(callIn({ sandboxUrl: 'http://127.0.0.1:9', caller: 'dana', wait: false }, () => undefined), /no sandbox at http:\/\/127\.0\.0\.1:9/);
});
