import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import twilio from 'twilio';
import { sandboxBusinessDirectory } from '../businesses/sandboxBusinesses.js';
import { startCarrier, type RunningCarrier } from './carrier.js';
import { startFakeApplication, type FakeApplication, type ReceivedWebhook } from './fakeApplication.js';

const ACCOUNT_SID = 'AC' + 'a'.repeat(32);
const AUTH_TOKEN = 'callback-token';
const FROM = '+15005550006';
const ALL_EVENTS = ['initiated', 'ringing', 'answered', 'completed'];

let carrier: RunningCarrier;
let app: FakeApplication;
let client: twilio.Twilio;

before(async () => {
  carrier = await startCarrier({ port: 0, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, businesses: sandboxBusinessDirectory(), seed: 'callbacks' });
  app = await startFakeApplication(AUTH_TOKEN);
  client = twilio(ACCOUNT_SID, AUTH_TOKEN);
  client.api.baseUrl = carrier.url;
});

after(async () => {
  await carrier.close();
  await app.close();
});

const callbacksFor = (sid: string) => app.webhooks.filter((webhook) => webhook.path === '/status' && webhook.params.CallSid === sid);

async function finalCallback(sid: string, path = '/status'): Promise<ReceivedWebhook> {
  return app.webhook((webhook) => webhook.path === path && webhook.params.CallSid === sid && ['completed', 'busy', 'no-answer', 'failed', 'canceled'].includes(webhook.params.CallStatus));
}

function inSequence(callbacks: ReceivedWebhook[]): ReceivedWebhook[] {
  return [...callbacks].sort((a, b) => Number(a.params.SequenceNumber) - Number(b.params.SequenceNumber));
}

test('a busy line reports initiated then busy, each callback signed like Twilio', async () => {
  const call = await client.calls.create({ to: '+18005550102', from: FROM, twiml: '<Response/>', statusCallback: `${app.url}/status`, statusCallbackEvent: ALL_EVENTS });
  await finalCallback(call.sid);
  const callbacks = inSequence(callbacksFor(call.sid));
  assert.deepEqual(callbacks.map((callback) => [callback.params.SequenceNumber, callback.params.CallStatus]), [
    ['0', 'initiated'],
    ['1', 'busy'],
  ]);
  for (const callback of callbacks) {
    assert.ok(callback.signatureValid, 'twilio.validateRequest accepts the X-Twilio-Signature');
    assert.equal(callback.method, 'POST');
    assert.equal(callback.params.AccountSid, ACCOUNT_SID);
    assert.equal(callback.params.From, FROM);
    assert.equal(callback.params.To, '+18005550102');
    assert.equal(callback.params.Direction, 'outbound-api');
    assert.equal(callback.params.ApiVersion, '2010-04-01');
    assert.equal(callback.params.CallbackSource, 'call-progress-events');
    assert.match(callback.params.Timestamp, /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
  }
  assert.equal(callbacks[1].params.CallDuration, '0');
  assert.equal((await client.calls(call.sid).fetch()).status, 'busy');
});

test('nobody answering ends no-answer after the Timeout, having rung', async () => {
  const call = await client.calls.create({ to: '+18005550103', from: FROM, twiml: '<Response/>', timeout: 2, statusCallback: `${app.url}/status`, statusCallbackEvent: ALL_EVENTS });
  await finalCallback(call.sid);
  assert.deepEqual(inSequence(callbacksFor(call.sid)).map((callback) => callback.params.CallStatus), ['initiated', 'ringing', 'no-answer']);
  const fetched = await client.calls(call.sid).fetch();
  assert.equal(fetched.status, 'no-answer');
  assert.equal(fetched.duration, '0');
});

test('a number nobody serves fails; by default only the final callback is sent', async () => {
  const call = await client.calls.create({ to: '+18005550999', from: FROM, twiml: '<Response/>', statusCallback: `${app.url}/status` });
  const final = await finalCallback(call.sid);
  assert.equal(final.params.CallStatus, 'failed');
  assert.equal(final.params.SequenceNumber, '0');
  assert.equal(callbacksFor(call.sid).length, 1);
});

test('GET status callbacks carry the parameters in the signed query string', async () => {
  const call = await client.calls.create({ to: '+18005550102', from: FROM, twiml: '<Response/>', statusCallback: `${app.url}/status-get?tenant=7`, statusCallbackMethod: 'GET' });
  const callback = await app.webhook((webhook) => webhook.path === '/status-get' && webhook.method === 'GET');
  assert.ok(callback.signatureValid);
  assert.equal(call.sid.length, 34);
});

test('an answered call fetches signed TwiML, runs it and reports answered and completed with a duration', async () => {
  app.serveTwiml('/voice', '<Response><Pause length="1"/><Hangup/></Response>');
  const call = await client.calls.create({ to: '+18005550101', from: FROM, url: `${app.url}/voice`, statusCallback: `${app.url}/status`, statusCallbackEvent: ALL_EVENTS });
  const final = await finalCallback(call.sid);
  assert.equal(final.params.CallStatus, 'completed');
  assert.ok(Number(final.params.CallDuration) >= 1);
  assert.equal(final.params.Duration, '1');
  assert.deepEqual(inSequence(callbacksFor(call.sid)).map((callback) => callback.params.CallStatus), ['initiated', 'ringing', 'in-progress', 'completed']);

  const twimlRequest = await app.webhook((webhook) => webhook.path === '/voice' && webhook.params.CallSid === call.sid);
  assert.ok(twimlRequest.signatureValid);
  assert.equal(twimlRequest.method, 'POST');
  assert.deepEqual(
    Object.fromEntries(['AccountSid', 'From', 'To', 'CallStatus', 'Direction', 'ApiVersion'].map((key) => [key, twimlRequest.params[key]])),
    { AccountSid: ACCOUNT_SID, From: FROM, To: '+18005550101', CallStatus: 'in-progress', Direction: 'outbound-api', ApiVersion: '2010-04-01' },
  );
  const fetched = await client.calls(call.sid).fetch();
  assert.equal(fetched.status, 'completed');
  assert.ok(Number(fetched.duration) >= 1);
});

test('TwiML that cannot be fetched ends the call with Twilio error 11200 noted in the ground truth', async () => {
  const call = await client.calls.create({ to: '+18005550101', from: FROM, url: 'http://127.0.0.1:9/unreachable', statusCallback: `${app.url}/status` });
  await finalCallback(call.sid);
  const truth = (await (await fetch(`${carrier.url}/_sandbox/calls/${call.sid}`)).json()) as { status: string; notifications: Array<{ code: number }> };
  assert.equal(truth.status, 'completed');
  assert.deepEqual(truth.notifications.map((notification) => notification.code), [11200]);
});
