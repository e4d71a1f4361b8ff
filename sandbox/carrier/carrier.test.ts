import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import twilio from 'twilio';
import { sandboxBusinessDirectory } from '../businesses/sandboxBusinesses.js';
import { startCarrier, type RunningCarrier } from './carrier.js';
import { startFakeApplication, type FakeApplication } from './fakeApplication.js';
import { CallerOnStream } from './fakeStreamCaller.js';

const ACCOUNT_SID = 'AC' + 'c'.repeat(32);
const AUTH_TOKEN = 'e2e-token';
const ACME = '+18005550101';

let carrier: RunningCarrier;
let app: FakeApplication;
let client: twilio.Twilio;

before(async () => {
  carrier = await startCarrier({ port: 0, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, businesses: sandboxBusinessDirectory(), seed: 'e2e' });
  app = await startFakeApplication(AUTH_TOKEN);
  app.serveTwiml('/voice', `<Response><Connect><Stream url="${app.wsUrl}/media"/></Connect></Response>`);
  client = twilio(ACCOUNT_SID, AUTH_TOKEN);
  client.api.baseUrl = carrier.url;
});

after(async () => {
  await carrier.close();
  await app.close();
});

test('a full call to Acme Telecom: the caller gets a case number that matches the ground truth', async () => {
  const call = await client.calls.create({ to: ACME, from: '+15005550006', url: `${app.url}/voice`, statusCallback: `${app.url}/status` });
  const stream = await app.stream(1);
  const start = await stream.waitForEvent('start');
  const caller = new CallerOnStream(stream, start.streamSid as string);

  assert.equal(await caller.nextTurn(), 'Thank you for calling Acme Telecom. My name is Sam. How can I help you today?');
  await caller.say('Hi, I am calling for Jane Doe. I was charged twice for my October bill and would like a refund.');

  const answer = (await caller.nextTurn()) ?? '';
  const spelled = /Your case number is ((?:[A-Z0-9] )+[A-Z0-9])\./.exec(answer);
  assert.ok(spelled, `no case number in: ${answer}`);
  const caseNumber = spelled[1].replaceAll(' ', '');
  assert.match(caseNumber, /^ACM\d{5}$/);
  assert.ok(answer.endsWith('Is there anything else I can help you with?'), answer);

  await caller.say("No, that's all. Thank you, goodbye.");
  assert.equal(await caller.nextTurn(), 'Thank you for calling Acme Telecom. Goodbye.');
  assert.equal(await caller.nextTurn(), null, 'the business hung up: the stream got stop');
  await stream.closed;

  const final = await app.webhook((webhook) => webhook.path === '/status' && webhook.params.CallSid === call.sid);
  assert.equal(final.params.CallStatus, 'completed');
  assert.ok(final.signatureValid);

  const { answeredAt, humanAnsweredAt, ...truth } = await (await fetch(`${carrier.url}/_sandbox/calls/${call.sid}`)).json();
  assert.ok(Date.parse(answeredAt) <= Date.parse(humanAnsweredAt), `${answeredAt} ${humanAnsweredAt}`);
  assert.deepEqual(truth, {
    callSid: call.sid,
    to: ACME,
    from: '+15005550006',
    status: 'completed',
    business: { id: 'acme-telecom', name: 'Acme Telecom' },
    facts: { caseNumber },
    heard: ['Hi, I am calling for Jane Doe. I was charged twice for my October bill and would like a refund.', "No, that's all. Thank you, goodbye."],
    notifications: [],
    attempt: 1,
    closed: false,
    dropped: false,
    keys: [],
    menuPath: [],
    menus: [],
    departments: ['billing'],
    holdSeconds: 0,
    humanAnsweredAfterSeconds: 0.6,
    slots: {},
    marks: [],
    voicemail: null,
  });
});

test('ground truth for an unknown call is a 404', async () => {
  const response = await fetch(`${carrier.url}/_sandbox/calls/CA${'0'.repeat(32)}`);
  assert.equal(response.status, 404);
});
