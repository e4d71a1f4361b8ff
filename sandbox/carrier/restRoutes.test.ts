import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import twilio from 'twilio';
import { sandboxBusinessDirectory } from '../businesses/sandboxBusinesses.js';
import { startCarrier, type RunningCarrier } from './carrier.js';

const ACCOUNT_SID = 'AC' + '1'.repeat(32);
const AUTH_TOKEN = 'sandbox-token';
const NOBODY_HOME = '+18005550103';

let carrier: RunningCarrier;
let client: twilio.Twilio;

before(async () => {
  carrier = await startCarrier({ port: 0, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, businesses: sandboxBusinessDirectory(), seed: 'rest' });
  client = twilio(ACCOUNT_SID, AUTH_TOKEN);
  client.api.baseUrl = carrier.url;
});

after(() => carrier.close());

async function restError(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { status: number; code: number; message: string; moreInfo: string };
  }
  assert.fail('expected the request to fail');
}

test('the official client creates a call and gets a Twilio-shaped call resource', async () => {
  const call = await client.calls.create({ to: NOBODY_HOME, from: '+15005550006', twiml: '<Response><Hangup/></Response>' });
  assert.match(call.sid, /^CA[0-9a-f]{32}$/);
  assert.equal(call.accountSid, ACCOUNT_SID);
  assert.equal(call.to, NOBODY_HOME);
  assert.equal(call.toFormatted, '(800) 555-0103');
  assert.equal(call.from, '+15005550006');
  assert.equal(call.status, 'queued');
  assert.equal(call.direction, 'outbound-api');
  assert.equal(call.apiVersion, '2010-04-01');
  assert.equal(call.uri, `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/${call.sid}.json`);
  assert.ok(call.dateCreated instanceof Date && !Number.isNaN(call.dateCreated.getTime()));
  assert.equal(call.startTime, null);
  assert.equal(call.duration, null);
  await client.calls(call.sid).update({ status: 'canceled' });
});

test('fetch follows the call from queued to ringing, and canceling a ringing call ends it canceled', async () => {
  const created = await client.calls.create({ to: NOBODY_HOME, from: '+15005550006', url: 'http://127.0.0.1:9/never-fetched' });
  let fetched = await client.calls(created.sid).fetch();
  for (let i = 0; i < 50 && fetched.status !== 'ringing'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    fetched = await client.calls(created.sid).fetch();
  }
  assert.equal(fetched.status, 'ringing');
  assert.ok(fetched.startTime instanceof Date);
  const canceled = await client.calls(created.sid).update({ status: 'canceled' });
  assert.equal(canceled.status, 'canceled');
  assert.ok(canceled.endTime instanceof Date);
  assert.equal(canceled.duration, '0');
});

test('hanging up (Status=completed) a call that is not answered yet cancels it', async () => {
  const created = await client.calls.create({ to: NOBODY_HOME, from: '+15005550006', twiml: '<Response/>' });
  const updated = await client.calls(created.sid).update({ status: 'completed' });
  assert.equal(updated.status, 'canceled');
  const again = await client.calls(created.sid).update({ status: 'completed' });
  assert.equal(again.status, 'canceled');
});

test('list returns the calls newest first and filters by To and Status', async () => {
  const first = await client.calls.create({ to: NOBODY_HOME, from: '+15005550006', twiml: '<Response/>' });
  const second = await client.calls.create({ to: NOBODY_HOME, from: '+15005550007', twiml: '<Response/>' });
  const listed = await client.calls.list({ to: NOBODY_HOME, limit: 100 });
  const sids = listed.map((call) => call.sid);
  assert.ok(sids.indexOf(second.sid) < sids.indexOf(first.sid));
  const fromSecond = await client.calls.list({ from: '+15005550007' });
  assert.deepEqual(fromSecond.map((call) => call.sid), [second.sid]);
  await client.calls(first.sid).update({ status: 'canceled' });
  await client.calls(second.sid).update({ status: 'canceled' });
  const canceled = await client.calls.list({ status: 'canceled', pageSize: 2 });
  assert.ok(canceled.length >= 2, 'pages are followed through next_page_uri');
  assert.ok(canceled.every((call) => call.status === 'canceled'));
});

test('invalid create requests get Twilio error codes', async () => {
  const viaClient: Array<[Record<string, string>, number]> = [
    [{ to: 'not-a-number', from: '+15005550006', twiml: '<Response/>' }, 21211],
    [{ to: NOBODY_HOME, from: '+15005550006' }, 21205],
    [{ to: NOBODY_HOME, from: '+15005550006', url: 'ftp://example.com/x' }, 21205],
    [{ to: NOBODY_HOME, from: '+15005550006', twiml: '<Response/>', statusCallbackEvent: 'bogus' }, 21626],
  ];
  for (const [params, code] of viaClient) {
    const error = await restError(client.calls.create(params as never));
    assert.equal(error.code, code, JSON.stringify(params));
    assert.equal(error.status, 400);
    assert.equal(error.moreInfo, `https://www.twilio.com/docs/errors/${code}`);
    assert.ok(error.message.length > 0);
  }
  // The official client refuses to send a create without To or From, so post the form directly.
  const missing: Array<[Record<string, string>, number, string]> = [
    [{ From: '+15005550006', Twiml: '<Response/>' }, 21201, "No 'To' number is specified"],
    [{ To: NOBODY_HOME, Twiml: '<Response/>' }, 21213, "No 'From' number is specified"],
  ];
  for (const [form, code, message] of missing) {
    const response = await fetch(`${carrier.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}` },
      body: new URLSearchParams(form),
    });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status: 400 });
  }
});

test('unknown calls are 20404 and wrong credentials 20003', async () => {
  const missing = await restError(client.calls('CA' + '0'.repeat(32)).fetch());
  assert.equal(missing.code, 20404);
  assert.equal(missing.status, 404);

  const intruder = twilio(ACCOUNT_SID, 'wrong-token');
  intruder.api.baseUrl = carrier.url;
  const denied = await restError(intruder.calls.list());
  assert.equal(denied.code, 20003);
  assert.equal(denied.status, 401);

  const otherAccount = twilio('AC' + '2'.repeat(32), AUTH_TOKEN);
  otherAccount.api.baseUrl = carrier.url;
  assert.equal((await restError(otherAccount.calls.list())).code, 20003);

  const anonymous = await fetch(`${carrier.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`);
  assert.equal(anonymous.status, 401);
  assert.deepEqual(await anonymous.json(), {
    code: 20003,
    message: 'Authentication Error - No credentials provided',
    more_info: 'https://www.twilio.com/docs/errors/20003',
    status: 401,
  });
});

test('redirecting a call that has ended is refused with 21220', async () => {
  const created = await client.calls.create({ to: NOBODY_HOME, from: '+15005550006', twiml: '<Response/>' });
  await client.calls(created.sid).update({ status: 'canceled' });
  const error = await restError(client.calls(created.sid).update({ twiml: '<Response><Hangup/></Response>' }));
  assert.equal(error.code, 21220);
});

test('the sandbox lists its businesses with their ground truth', async () => {
  const response = await fetch(`${carrier.url}/_sandbox/businesses`);
  const businesses = (await response.json()) as Array<{ name: string; number: string; pickup: string; description: string; expected: { outcome: { finalStatus: string } } }>;
  assert.deepEqual(
    businesses.slice(0, 3).map((business) => [business.name, business.number, business.pickup, business.expected.outcome.finalStatus]),
    [
      ['Acme Telecom', '+18005550101', 'answer', 'completed'],
      ['Busy Line', '+18005550102', 'busy', 'busy'],
      ['Nobody Home', '+18005550103', 'no-answer', 'no-answer'],
    ],
  );
  assert.ok(businesses.length >= 15);
  assert.ok(businesses.every((business) => business.description.length > 0));
});
