import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import twilio from 'twilio';
import { BusinessDirectory } from '../businesses/businessDirectory.js';
import { utteranceIndex } from '../speech/utteranceIndex.js';
import { startCarrier, type RunningCarrier } from './carrier.js';
import { startFakeApplication, type FakeApplication } from './fakeApplication.js';
import { CallerOnStream } from './fakeStreamCaller.js';
import { eventually, LevelPhones, nearLevel, sleep } from './levelPhone.js';

const ACCOUNT_SID = 'AC' + 'e'.repeat(32);
const AUTH_TOKEN = 'conference-token';
const FROM = '+15005550006';
const APPLICATION_NUMBER = '+12125550100';
const JANE = '+15550100100';

const phones = new LevelPhones();
const lines = phones.lines;

let carrier: RunningCarrier;
let app: FakeApplication;
let client: twilio.Twilio;

before(async () => {
  app = await startFakeApplication(AUTH_TOKEN);
  const businesses = new BusinessDirectory([phones.phone('+18005550191', 1000), phones.phone('+18005550192', 3000), phones.phone('+18005550193', 9000), phones.phone('+18005550190', 0)]);
  carrier = await startCarrier({ port: 0, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, businesses, seed: 'conference', timing: { ringMs: 100 }, inboundVoiceUrl: `${app.url}/inbound`, applicationNumber: APPLICATION_NUMBER });
  client = twilio(ACCOUNT_SID, AUTH_TOKEN);
  client.api.baseUrl = carrier.url;
});

after(async () => {
  await carrier.close();
  await app.close();
});


// Join and leave beeps would blur the levels and speech these tests listen for (conferenceRoom.test.ts covers them).
const joinRoom = (room: string) => `<Response><Dial><Conference beep="false">${room}</Conference></Dial></Response>`;

test('a conference of three legs: each hears the sum of the other two; mute, hold and removal over REST', async () => {
  const first = await client.calls.create({ to: '+18005550191', from: FROM, twiml: joinRoom('mix') });
  const second = await client.calls.create({ to: '+18005550192', from: FROM, twiml: joinRoom('mix') });
  let [room] = await client.conferences.list({ friendlyName: 'mix' });
  for (let tries = 0; !room && tries < 100; tries++) [room] = await sleep(20).then(() => client.conferences.list({ friendlyName: 'mix' }));
  const third = await client.conferences(room.sid).participants.create({ from: FROM, to: '+18005550193', label: 'third', beep: 'false' });
  assert.equal(third.status, 'queued');
  assert.equal(third.label, 'third');
  await eventually(() => lines.size === 3 && nearLevel(lines.get('+18005550191')!.hearing, 12000), 'the first leg never heard the other two');
  const [one, two, three] = ['+18005550191', '+18005550192', '+18005550193'].map((number) => lines.get(number)!);
  assert.ok(nearLevel(two.hearing, 10000), `second hears ${two.hearing}`);
  assert.ok(nearLevel(three.hearing, 4000), `third hears ${three.hearing}`);

  const fetched = await client.conferences(room.sid).fetch();
  assert.equal(fetched.status, 'in-progress');
  const participants = await client.conferences(room.sid).participants.list();
  assert.deepEqual(participants.map((participant) => [participant.callSid, participant.status, participant.label]).sort(), [
    [first.sid, 'connected', null],
    [second.sid, 'connected', null],
    [third.callSid, 'connected', 'third'],
  ].sort());

  const muted = await client.conferences(room.sid).participants(second.sid).update({ muted: true });
  assert.equal(muted.muted, true);
  await eventually(() => nearLevel(one.hearing, 9000) && nearLevel(three.hearing, 1000), 'the muted leg was still heard');
  assert.ok(nearLevel(two.hearing, 10000), 'a muted leg still hears');
  await client.conferences(room.sid).participants('third').update({ hold: true });
  await eventually(() => three.hearing === 0 && one.hearing === 0, 'the held leg still heard or was heard');

  await client.conferences(room.sid).participants('third').remove();
  await sleep(100);
  assert.equal((await client.calls(third.callSid).fetch()).status, 'completed', 'a REST-dialled participant hangs up once removed');
  await client.conferences(room.sid).update({ status: 'completed' });
  await sleep(100);
  const ended = await client.conferences(room.sid).fetch();
  assert.equal(ended.status, 'completed');
  assert.equal(ended.reasonConferenceEnded, 'conference-ended-via-api');
  assert.equal((await client.calls(first.sid).fetch()).status, 'completed', 'after <Dial> the document ends, and the call with it');
  assert.deepEqual(await client.conferences(room.sid).participants.list(), []);
});

test("the AI joins through a call to the app's own number, and Jane, dialled in, reads out her code", async () => {
  app.serveTwiml('/inbound', `<Response><Connect><Stream url="${app.wsUrl}/assistant"/></Connect></Response>`);
  const listener = await client.calls.create({ to: '+18005550190', from: FROM, twiml: joinRoom('with-jane') });
  const assistantLeg = await client.calls.create({ to: APPLICATION_NUMBER, from: FROM, twiml: joinRoom('with-jane') });
  const inbound = await app.webhook((webhook) => webhook.path === '/inbound');
  assert.ok(inbound.signatureValid);
  assert.deepEqual(
    Object.fromEntries(['Direction', 'CallStatus', 'To', 'From'].map((key) => [key, inbound.params[key]])),
    { Direction: 'inbound', CallStatus: 'ringing', To: APPLICATION_NUMBER, From: FROM },
  );
  const stream = app.streams.find((candidate) => candidate.path === '/assistant') ?? (await app.stream(app.streams.length + 1));
  const assistant = new CallerOnStream(stream, (await stream.waitForEvent('start')).streamSid as string);

  const jane = await client.conferences('with-jane').participants.create({ from: FROM, to: JANE, label: 'jane', beep: 'false' });
  // Her exact words are her script's (sandbox/callers/people); that she picks up and says who she is is what matters here.
  const greeting = (await assistant.nextTurn()) ?? '';
  assert.match(greeting, /\bJane\b/);
  await assistant.say('Hi Jane, it is your assistant. Could you read me the one-time code the bank just texted you?');
  const answer = (await assistant.nextTurn()) ?? '';
  const spelled = /The code is ((?:\d )+\d)\./.exec(answer);
  assert.ok(spelled, answer);
  const truth = (await (await fetch(`${carrier.url}/_sandbox/calls/${jane.callSid}`)).json()) as { facts: { code: string }; heard: string[] };
  assert.equal(spelled[1].replaceAll(' ', ''), truth.facts.code);
  assert.deepEqual(truth.heard, ['Hi Jane, it is your assistant. Could you read me the one-time code the bank just texted you?']);

  const roomHeard = utteranceIndex.recognize(Buffer.concat(lines.get('+18005550190')!.heardFrames))?.utterances.map((utterance) => utterance.text);
  assert.deepEqual(roomHeard?.slice(0, 2), [greeting, 'Hi Jane, it is your assistant. Could you read me the one-time code the bank just texted you?']);

  await client.conferences('with-jane').participants('jane').remove();
  await sleep(200);
  assert.equal((await client.calls(jane.callSid).fetch()).status, 'completed');
  await client.calls(listener.sid).update({ status: 'completed' });
  await client.calls(assistantLeg.sid).update({ status: 'completed' });
  await stream.waitForEvent('stop');
  const [inboundLeg] = await client.calls.list({ to: APPLICATION_NUMBER, from: FROM });
  await sleep(100);
  const finished = await client.calls(inboundLeg.sid).fetch();
  assert.equal(finished.direction, 'inbound');
  assert.equal(finished.status, 'completed', "hanging up one leg of a call to the app's number ends the other");
});
