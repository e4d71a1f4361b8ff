import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import twilio from 'twilio';
import { decodeSample, encodeSample, FRAME_BYTES, MULAW_SILENCE } from '../../common/audio/mulaw.js';
import { BusinessDirectory } from '../businesses/businessDirectory.js';
import { utteranceIndex } from '../speech/utteranceIndex.js';
import { startCarrier, type RunningCarrier } from './carrier.js';
import { startFakeApplication, type FakeApplication, type StreamConnection } from './fakeApplication.js';
import { CallerOnStream } from './fakeStreamCaller.js';
import { eventually, LevelPhones, nearLevel, sleep } from './levelPhone.js';

// The app's "loop the user in" sequence, as the official client sends it: the live business call is
// moved into a conference, the AI comes back as a TwiML App participant, the user is dialled in.
const ACCOUNT_SID = 'AC' + 'd'.repeat(32);
const AUTH_TOKEN = 'loop-in-token';
const APP_NUMBER = '+12125550100';
const AGENT_APP = 'AP' + 'a'.repeat(32);
const JANE = '+15550100100';
const BUSINESS = '+18005550181';
const QUIET_BUSINESS = '+18005550180';
const USER_PHONE = '+18005550189';
const SLOW_PHONE = '+18005550188';
const SILENT_PHONE = '+18005550187';

const phones = new LevelPhones();
let carrier: RunningCarrier;
let app: FakeApplication;
let client: twilio.Twilio;

before(async () => {
  app = await startFakeApplication(AUTH_TOKEN);
  app.serveTwiml('/twilio/agent-leg', `<Response><Connect><Stream url="${app.wsUrl}/agent"><Parameter name="leg" value="agent"/></Stream></Connect></Response>`);
  const businesses = new BusinessDirectory([
    phones.phone(BUSINESS, 1000),
    phones.phone(QUIET_BUSINESS, 0),
    phones.phone(USER_PHONE, 9000),
    phones.phone(SLOW_PHONE, 0, 80),
    phones.phone(SILENT_PHONE, 0),
  ]);
  carrier = await startCarrier({
    port: 0,
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    businesses,
    seed: 'loop-in',
    timing: { ringMs: 100 },
    applicationNumber: APP_NUMBER,
    applications: { [AGENT_APP]: `${app.url}/twilio/agent-leg` },
  });
  client = twilio(ACCOUNT_SID, AUTH_TOKEN);
  client.api.baseUrl = carrier.url;
});

after(async () => {
  await carrier.close();
  await app.close();
});


const moveToRoom = (room: string) =>
  `<Response><Dial><Conference startConferenceOnEnter="true" endConferenceOnExit="true" beep="false">${room}</Conference></Dial></Response>`;

async function liveRoom(name: string) {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(20)) {
    const [room] = await client.conferences.list({ friendlyName: name, status: 'in-progress' });
    if (room) return room;
  }
  assert.fail(`no live room ${name}`);
}

function addAgent(roomSid: string, callId: string) {
  return client.conferences(roomSid).participants.create({
    from: APP_NUMBER,
    to: `app:${AGENT_APP}?callId=${callId}`,
    label: 'agent',
    beep: 'false',
    endConferenceOnExit: true,
    earlyMedia: false,
    statusCallback: `${app.url}/status/agent`,
  });
}

async function streamFor(callSid: string): Promise<{ stream: StreamConnection; start: Record<string, unknown> }> {
  for (let count = 1; ; count++) {
    const stream = await app.stream(count);
    const start = (await stream.waitForEvent('start')).start as Record<string, unknown>;
    if (start.callSid === callSid) return { stream, start };
  }
}

/** The level of the latest audio the application's stream received. */
function levelHeard(stream: StreamConnection): number {
  for (let index = stream.messages.length - 1; index >= 0; index--) {
    const message = stream.messages[index];
    if (message.event === 'media') return decodeSample(Buffer.from((message.media as { payload: string }).payload, 'base64')[0]);
  }
  return 0;
}

function sendLevel(stream: StreamConnection, streamSid: string, level: number, seconds: number): void {
  const frame = Buffer.alloc(FRAME_BYTES, encodeSample(level));
  for (let sent = 0; sent < seconds * 50; sent++) stream.send({ event: 'media', streamSid, media: { payload: frame.toString('base64') } });
}

const completedCallback = (path: string) => app.webhook((webhook) => webhook.path === path && webhook.params.CallStatus === 'completed');

test('a live streamed call moves into a conference; the AI rejoins through its TwiML App; all hear each other mixed; the business hanging up ends every leg', async () => {
  app.serveTwiml('/twiml/business', `<Response><Connect><Stream url="${app.wsUrl}/bridge"><Parameter name="callId" value="call_abc"/></Stream></Connect></Response>`);
  const business = await client.calls.create({ to: BUSINESS, from: APP_NUMBER, url: `${app.url}/twiml/business`, statusCallback: `${app.url}/status/business` });
  const { stream: bridge } = await streamFor(business.sid);
  await eventually(() => nearLevel(levelHeard(bridge), 1000), 'the bridge never heard the business');

  await client.calls(business.sid).update({ twiml: moveToRoom('call-abc') });
  await bridge.waitForEvent('stop');
  const room = await liveRoom('call-abc');

  const agent = await addAgent(room.sid, 'call_abc');
  assert.equal(agent.label, 'agent');
  assert.equal(agent.endConferenceOnExit, true);
  const webhook = await app.webhook((candidate) => candidate.path === '/twilio/agent-leg');
  assert.ok(webhook.signatureValid, "the TwiML App's voice webhook passes twilio.validateRequest");
  assert.deepEqual(webhook.params, {
    AccountSid: ACCOUNT_SID,
    ApiVersion: '2010-04-01',
    ApplicationSid: AGENT_APP,
    CallSid: agent.callSid,
    CallStatus: 'in-progress',
    Called: `app:${AGENT_APP}`,
    Caller: APP_NUMBER,
    Direction: 'outbound-api',
    From: APP_NUMBER,
    To: `app:${AGENT_APP}`,
    callId: 'call_abc',
  });
  const { stream: agentStream, start } = await streamFor(agent.callSid);
  assert.deepEqual(start.customParameters, { leg: 'agent' });
  sendLevel(agentStream, start.streamSid as string, 3000, 15);

  const user = await client.conferences(room.sid).participants.create({ from: APP_NUMBER, to: USER_PHONE, label: 'user', beep: 'false', endConferenceOnExit: false, timeout: 30, statusCallback: `${app.url}/status/user` });
  await eventually(() => nearLevel(phones.lines.get(BUSINESS)?.hearing ?? 0, 12000), 'the business never heard the AI and the user together');
  await eventually(() => nearLevel(levelHeard(agentStream), 10000), 'the AI stream never heard the business and the user together');
  await eventually(() => nearLevel(phones.lines.get(USER_PHONE)?.hearing ?? 0, 4000), 'the user never heard the business and the AI together');

  const participants = await client.conferences(room.sid).participants.list();
  assert.deepEqual(participants.map((participant) => [participant.label, participant.callSid, participant.status, participant.endConferenceOnExit]).sort(), [
    [null, business.sid, 'connected', true],
    ['agent', agent.callSid, 'connected', true],
    ['user', user.callSid, 'connected', false],
  ].sort());
  const agentCall = await client.calls(agent.callSid).fetch();
  assert.equal(agentCall.to, `app:${AGENT_APP}`);
  assert.equal(agentCall.status, 'in-progress');

  await client.calls(business.sid).update({ status: 'completed' });
  await agentStream.waitForEvent('stop');
  for (const sid of [business.sid, agent.callSid, user.callSid]) {
    await eventually(async () => (await client.calls(sid).fetch()).status === 'completed', `${sid} was not completed`);
  }
  const ended = await client.conferences(room.sid).fetch();
  assert.equal(ended.status, 'completed');
  assert.equal(ended.reasonConferenceEnded, 'participant-with-end-conference-on-exit-left');
  assert.equal(ended.callSidEndingConference, business.sid);
  for (const path of ['/status/business', '/status/agent', '/status/user']) {
    const callback = await completedCallback(path);
    assert.ok(callback.signatureValid, `${path} is signed`);
  }
  assert.equal((await completedCallback('/status/agent')).params.CallSid, agent.callSid);
});

test('Jane, dialled in beside the AI, answers and reads out her code; the business hears both; hanging up the AI leg ends the conference', async () => {
  const business = await client.calls.create({ to: QUIET_BUSINESS, from: APP_NUMBER, twiml: moveToRoom('call-jane') });
  const room = await liveRoom('call-jane');
  const agent = await addAgent(room.sid, 'call_jane');
  const { stream, start } = await streamFor(agent.callSid);
  const assistant = new CallerOnStream(stream, start.streamSid as string);

  const jane = await client.conferences(room.sid).participants.create({ from: APP_NUMBER, to: JANE, label: 'user', beep: 'false', endConferenceOnExit: false, timeout: 30 });
  // Her exact words are her script's (sandbox/callers/people); that she picks up and says who she is is what matters here.
  const greeting = (await assistant.nextTurn()) ?? '';
  assert.match(greeting, /\bJane\b/);
  const question = 'Hi Jane, it is your assistant. Could you read me the one-time code the bank just texted you?';
  await assistant.say(question);
  const answer = (await assistant.nextTurn()) ?? '';
  const spelled = /The code is ((?:\d )+\d)\./.exec(answer);
  assert.ok(spelled, answer);
  const truth = (await (await fetch(`${carrier.url}/_sandbox/calls/${jane.callSid}`)).json()) as { facts: { code: string }; heard: string[] };
  assert.equal(spelled[1].replaceAll(' ', ''), truth.facts.code);
  assert.deepEqual(truth.heard, [question]);

  const heardByBusiness = utteranceIndex.recognize(Buffer.concat(phones.lines.get(QUIET_BUSINESS)!.heardFrames))?.utterances.map((utterance) => utterance.text);
  assert.deepEqual(heardByBusiness?.slice(0, 2), [greeting, question]);

  await client.calls(agent.callSid).update({ status: 'completed' });
  await stream.waitForEvent('stop');
  for (const sid of [business.sid, jane.callSid]) {
    await eventually(async () => (await client.calls(sid).fetch()).status === 'completed', `${sid} was not completed`);
  }
  const ended = await client.conferences(room.sid).fetch();
  assert.equal(ended.reasonConferenceEnded, 'participant-with-end-conference-on-exit-left');
  assert.equal(ended.callSidEndingConference, agent.callSid);
});

test('a call created to a TwiML App runs its TwiML opposite the call\'s own; the app closing its stream hangs up', async () => {
  const call = await client.calls.create({
    to: `app:${AGENT_APP}?callId=direct&note=${encodeURIComponent('a & b')}`,
    from: APP_NUMBER,
    twiml: '<Response><Say>Hello from the caller side.</Say><Pause length="20"/></Response>',
  });
  assert.equal(call.to, `app:${AGENT_APP}`);
  const webhook = await app.webhook((candidate) => candidate.params.CallSid === call.sid);
  assert.equal(webhook.params.callId, 'direct');
  assert.equal(webhook.params.note, 'a & b');
  const { stream, start } = await streamFor(call.sid);
  assert.equal(await new CallerOnStream(stream, start.streamSid as string).nextTurn(), 'Hello from the caller side.');
  stream.socket.close();
  await eventually(async () => (await client.calls(call.sid).fetch()).status === 'completed', 'the call outlived its application');
});

test('a participant joining with the default beep is announced by a tone; beep=false joins silently', async () => {
  const host = await client.calls.create({ to: QUIET_BUSINESS, from: APP_NUMBER, twiml: moveToRoom('beeps') });
  const room = await liveRoom('beeps');
  const agent = await addAgent(room.sid, 'call_beep');
  const { stream } = await streamFor(agent.callSid);
  const hostLine = phones.lines.get(QUIET_BUSINESS)!;
  const audibleSince = (from: number) => hostLine.heardFrames.slice(from).filter((frame) => !frame.equals(Buffer.alloc(FRAME_BYTES, MULAW_SILENCE))).length;
  await sleep(400);
  assert.equal(audibleSince(0), 0, 'a beep="false" participant joined with a beep');

  const before = hostLine.heardFrames.length;
  await client.conferences(room.sid).participants.create({ from: APP_NUMBER, to: SILENT_PHONE });
  await eventually(() => audibleSince(before) > 0, 'the room never heard the beep of a participant joining with the default beep');
  await eventually(() => levelHeard(stream) !== 0, 'the AI stream never heard the beep');
  await client.calls(host.sid).update({ status: 'completed' });
});

test('participant Timeout is honoured: a phone that rings longer is no-answer', async () => {
  const host = await client.calls.create({ to: QUIET_BUSINESS, from: APP_NUMBER, twiml: moveToRoom('timeouts') });
  const room = await liveRoom('timeouts');
  const impatient = await client.conferences(room.sid).participants.create({ from: APP_NUMBER, to: SLOW_PHONE, beep: 'false', timeout: 5 });
  const patient = await client.conferences(room.sid).participants.create({ from: APP_NUMBER, to: SLOW_PHONE, beep: 'false', timeout: 12 });
  await eventually(async () => (await client.calls(impatient.callSid).fetch()).status === 'no-answer', 'the 5 s participant did not give up', 15_000);
  await eventually(async () => (await client.calls(patient.callSid).fetch()).status === 'in-progress', 'the 12 s participant was not answered', 15_000);
  const present = await client.conferences(room.sid).participants.list();
  assert.deepEqual(present.map((participant) => participant.callSid).sort(), [host.sid, patient.callSid].sort());
  await client.calls(host.sid).update({ status: 'completed' });
});

test('an unknown TwiML App is refused with 21218 and creates no conference; malformed addresses are 21211; unknown numbers still fail as calls', async () => {
  const restError = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return error as { status: number; code: number; message: string };
    }
    assert.fail('expected the request to fail');
  };
  const unknownApp = `app:AP${'b'.repeat(32)}?callId=x`;
  const refused = await restError(client.conferences('never-opened').participants.create({ from: APP_NUMBER, to: unknownApp }));
  assert.equal(refused.status, 400);
  assert.equal(refused.code, 21218);
  assert.deepEqual(await client.conferences.list({ friendlyName: 'never-opened' }), []);
  assert.equal((await restError(client.calls.create({ from: APP_NUMBER, to: unknownApp, twiml: '<Response/>' }))).code, 21218);
  assert.equal((await restError(client.calls.create({ from: APP_NUMBER, to: 'app:not-an-app', twiml: '<Response/>' }))).code, 21211);

  const host = await client.calls.create({ to: QUIET_BUSINESS, from: APP_NUMBER, twiml: moveToRoom('errors') });
  const room = await liveRoom('errors');
  assert.equal((await restError(client.conferences(room.sid).participants.create({ from: APP_NUMBER, to: JANE, beep: 'sometimes' }))).code, 20001);
  assert.equal((await restError(client.conferences(room.sid).participants.create({ from: APP_NUMBER, to: JANE, timeout: 2 }))).code, 20001);
  const nobody = await client.conferences(room.sid).participants.create({ from: APP_NUMBER, to: '+18005550100' });
  await eventually(async () => (await client.calls(nobody.callSid).fetch()).status === 'failed', 'a call to a number nobody serves did not fail');
  await client.calls(host.sid).update({ status: 'completed' });
});
