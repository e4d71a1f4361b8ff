import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import twilio from 'twilio';
import { sandboxBusinessDirectory } from '../businesses/sandboxBusinesses.js';
import { findCaller } from '../callers/sandboxCallers.js';
import { startCarrier, type RunningCarrier } from './carrier.js';
import { startFakeApplication, type FakeApplication } from './fakeApplication.js';
import { CallerOnStream } from './fakeStreamCaller.js';

const ACCOUNT_SID = 'AC' + 'f'.repeat(32);
const AUTH_TOKEN = 'inbound-token';
const APPLICATION_NUMBER = '+12125550100';
const dana = findCaller('dana')!;

let carrier: RunningCarrier;
let app: FakeApplication;
let client: twilio.Twilio;

before(async () => {
  app = await startFakeApplication(AUTH_TOKEN);
  app.serveTwiml('/twilio/inbound', `<Response><Connect><Stream url="${app.wsUrl}/media"><Parameter name="callId" value="inbound-1"/></Stream></Connect></Response>`);
  carrier = await startCarrier({ port: 0, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, businesses: sandboxBusinessDirectory(), seed: 'inbound', inboundVoiceUrl: `${app.url}/twilio/inbound` });
  client = twilio(ACCOUNT_SID, AUTH_TOKEN);
  client.api.baseUrl = carrier.url;
});

after(async () => {
  await carrier.close();
  await app.close();
});

function callIn(body: unknown, target = carrier.url): Promise<Response> {
  return fetch(`${target}/_sandbox/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

test("Dana calls the app's number: a signed inbound webhook, her message over the stream, and the ground truth", async () => {
  const response = await callIn({ caller: 'dana' });
  assert.equal(response.status, 201);
  const { callSid } = (await response.json()) as { callSid: string };
  assert.match(callSid, /^CA[0-9a-f]{32}$/);

  const webhook = await app.webhook((candidate) => candidate.path === '/twilio/inbound');
  assert.ok(webhook.signatureValid, 'the inbound voice webhook passes twilio.validateRequest');
  assert.deepEqual(
    Object.fromEntries(['AccountSid', 'CallSid', 'CallStatus', 'Direction', 'From', 'To', 'ApiVersion'].map((key) => [key, webhook.params[key]])),
    { AccountSid: ACCOUNT_SID, CallSid: callSid, CallStatus: 'ringing', Direction: 'inbound', From: dana.number, To: APPLICATION_NUMBER, ApiVersion: '2010-04-01' },
  );

  const stream = await app.stream(1);
  const start = await stream.waitForEvent('start');
  assert.deepEqual((start.start as { customParameters: object }).customParameters, { callId: 'inbound-1' });
  const assistant = new CallerOnStream(stream, start.streamSid as string);
  await assistant.say("Hello, you've reached Jane Doe's assistant. How can I help you?");
  assert.equal(await assistant.nextTurn(), dana.reason);
  await assistant.say('Thanks. What is the best number to call you back?');
  assert.equal(await assistant.nextTurn(), 'You can reach us at 555 0142.');
  await assistant.say("Got it. I'll let Jane know. Is there anything else?");
  assert.equal(await assistant.nextTurn(), dana.goodbye);
  assert.equal(await assistant.nextTurn(), null, 'Dana hung up: the stream got stop');

  const resource = await client.calls(callSid).fetch();
  assert.equal(resource.direction, 'inbound');
  assert.equal(resource.status, 'completed');
  assert.equal(resource.from, dana.number);

  const truth = await (await fetch(`${carrier.url}/_sandbox/calls/${callSid}`)).json();
  assert.ok(truth.answeredAt);
  assert.deepEqual({ ...truth, answeredAt: undefined }, {
    callSid,
    direction: 'inbound',
    to: APPLICATION_NUMBER,
    from: dana.number,
    status: 'completed',
    notifications: [],
    answeredAt: undefined,
    caller: { id: 'dana', name: 'Dana from Patel Dental', number: dana.number },
    said: [dana.reason, 'You can reach us at 555 0142.', dana.goodbye],
    heard: ["Hello, you've reached Jane Doe's assistant. How can I help you?", 'Thanks. What is the best number to call you back?', "Got it. I'll let Jane know. Is there anything else?"],
    hungUpBy: 'caller',
    message: dana.message,
  });
});

test('the app hanging up over REST ends an inbound call; the caller hears it end', async () => {
  const { callSid } = (await (await callIn({ caller: 'dana', from: '+15005550009', to: '+12125550199' })).json()) as { callSid: string };
  const webhook = await app.webhook((candidate) => candidate.params.CallSid === callSid);
  assert.equal(webhook.params.From, '+15005550009');
  assert.equal(webhook.params.To, '+12125550199');
  await client.calls(callSid).update({ status: 'completed' });
  const truth = (await (await fetch(`${carrier.url}/_sandbox/calls/${callSid}`)).json()) as { status: string; hungUpBy: string };
  assert.equal(truth.status, 'completed');
  assert.equal(truth.hungUpBy, 'callee');
});

test('bad requests get clear errors; without an inbound voice URL nobody can call in', async () => {
  const unknown = await callIn({ caller: 'nobody' });
  assert.equal(unknown.status, 404);
  assert.deepEqual(await unknown.json(), { error: 'no sandbox caller "nobody"', callers: ['dana'] });
  const badNumber = await callIn({ to: '555-0100' });
  assert.equal(badNumber.status, 400);
  assert.match(((await badNumber.json()) as { error: string }).error, /^to: expected an E\.164 number/);
  assert.equal((await callIn({ caller: 'dana', extra: true })).status, 400);

  const listed = (await (await fetch(`${carrier.url}/_sandbox/callers`)).json()) as Array<{ id: string }>;
  assert.deepEqual(listed.map((caller) => caller.id), ['dana']);

  const closed = await startCarrier({ port: 0, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, businesses: sandboxBusinessDirectory(), people: [] });
  try {
    const refused = await callIn({ caller: 'dana' }, closed.url);
    assert.equal(refused.status, 409);
    assert.match(((await refused.json()) as { error: string }).error, /SANDBOX_INBOUND_URL/);
  } finally {
    await closed.close();
  }
});
