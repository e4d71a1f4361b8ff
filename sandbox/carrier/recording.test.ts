import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import twilio from 'twilio';
import { encodeMulaw } from '../../common/audio/mulaw.js';
import { sandboxBusinessDirectory } from '../businesses/sandboxBusinesses.js';
import { utteranceIndex } from '../speech/utteranceIndex.js';
import { startCarrier, type RunningCarrier } from './carrier.js';
import { startFakeApplication, type FakeApplication } from './fakeApplication.js';
import { CallerOnStream } from './fakeStreamCaller.js';

const ACCOUNT_SID = 'AC' + 'd'.repeat(32);
const AUTH_TOKEN = 'recording-token';
const ACME = '+18005550101';
const FROM = '+15005550006';

let carrier: RunningCarrier;
let app: FakeApplication;
let client: twilio.Twilio;
const basicAuth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;

before(async () => {
  carrier = await startCarrier({ port: 0, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, businesses: sandboxBusinessDirectory(), seed: 'recording', timing: { ringMs: 200 } });
  app = await startFakeApplication(AUTH_TOKEN);
  app.serveTwiml('/voice', `<Response><Connect><Stream url="${app.wsUrl}/media"/></Connect></Response>`);
  client = twilio(ACCOUNT_SID, AUTH_TOKEN);
  client.api.baseUrl = carrier.url;
});

after(async () => {
  await carrier.close();
  await app.close();
});

/** A 16-bit PCM WAV split into its channels. */
function readWav(bytes: Buffer): { channels: Int16Array[]; sampleRate: number } {
  assert.equal(bytes.toString('ascii', 0, 4), 'RIFF');
  assert.equal(bytes.toString('ascii', 8, 12), 'WAVE');
  const channelCount = bytes.readUInt16LE(22);
  const sampleRate = bytes.readUInt32LE(24);
  assert.equal(bytes.readUInt16LE(34), 16);
  assert.equal(bytes.toString('ascii', 36, 40), 'data');
  const frames = bytes.readUInt32LE(40) / (2 * channelCount);
  const channels = Array.from({ length: channelCount }, () => new Int16Array(frames));
  for (let frame = 0; frame < frames; frame++) {
    for (let channel = 0; channel < channelCount; channel++) channels[channel][frame] = bytes.readInt16LE(44 + 2 * (frame * channelCount + channel));
  }
  return { channels, sampleRate };
}

const utterancesIn = (samples: Int16Array) => utteranceIndex.recognize(encodeMulaw(samples))?.utterances.map((utterance) => utterance.text) ?? [];

test('a call placed with Record and AMD, as the app places it: signed callbacks, and a two-channel WAV of the whole call', async () => {
  const call = await client.calls.create({
    to: ACME,
    from: FROM,
    url: `${app.url}/voice`,
    method: 'POST',
    statusCallback: `${app.url}/status`,
    statusCallbackMethod: 'POST',
    statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
    record: true,
    recordingChannels: 'dual',
    recordingStatusCallback: `${app.url}/recording?callId=7`,
    recordingStatusCallbackMethod: 'POST',
    recordingStatusCallbackEvent: ['completed'],
    machineDetection: 'DetectMessageEnd',
    asyncAmd: 'true',
    asyncAmdStatusCallback: `${app.url}/amd?callId=7`,
    asyncAmdStatusCallbackMethod: 'POST',
  });
  const stream = await app.stream(1);
  const caller = new CallerOnStream(stream, (await stream.waitForEvent('start')).streamSid as string);
  const greeting = 'Thank you for calling Acme Telecom. My name is Sam. How can I help you today?';
  assert.equal(await caller.nextTurn(), greeting);
  const request = 'Hi, I am calling for Jane Doe. I was charged twice for my October bill and would like a refund.';
  await caller.say(request);
  assert.match((await caller.nextTurn()) ?? '', /Your case number is/);
  await caller.say("No, that's all. Thank you, goodbye.");
  assert.equal(await caller.nextTurn(), 'Thank you for calling Acme Telecom. Goodbye.');

  const amd = await app.webhook((webhook) => webhook.path === '/amd');
  assert.ok(amd.signatureValid, 'the AMD callback passes twilio.validateRequest');
  assert.deepEqual({ ...amd.params, MachineDetectionDuration: undefined }, { AccountSid: ACCOUNT_SID, CallSid: call.sid, AnsweredBy: 'human', MachineDetectionDuration: undefined });
  assert.ok(Number(amd.params.MachineDetectionDuration) >= 2400, amd.params.MachineDetectionDuration);

  const recorded = await app.webhook((webhook) => webhook.path === '/recording');
  assert.ok(recorded.signatureValid, 'the recording callback passes twilio.validateRequest');
  const { RecordingSid, RecordingUrl, RecordingDuration, RecordingStartTime, ...rest } = recorded.params;
  assert.match(RecordingSid, /^RE[0-9a-f]{32}$/);
  assert.equal(RecordingUrl, `${carrier.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Recordings/${RecordingSid}`);
  assert.match(RecordingStartTime, /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
  assert.deepEqual(rest, {
    AccountSid: ACCOUNT_SID,
    CallSid: call.sid,
    RecordingStatus: 'completed',
    RecordingChannels: '2',
    RecordingSource: 'OutboundAPI',
    RecordingTrack: 'both',
    ErrorCode: '0',
  });

  const completed = await app.webhook((webhook) => webhook.path === '/status' && webhook.params.CallStatus === 'completed');
  assert.equal(completed.params.RecordingSid, RecordingSid);

  // Exactly how the app downloads it (telephony/twilioTelephony.ts).
  const download = await fetch(`${carrier.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Recordings/${RecordingSid}.wav`, { headers: { authorization: basicAuth } });
  assert.equal(download.status, 200);
  assert.equal(download.headers.get('content-type'), 'audio/x-wav');
  const wav = readWav(Buffer.from(await download.arrayBuffer()));
  assert.equal(wav.sampleRate, 8000);
  assert.equal(wav.channels.length, 2);
  const seconds = wav.channels[0].length / 8000;
  assert.equal(Number(RecordingDuration), Math.round(seconds));
  const callSeconds = Number(completed.params.CallDuration);
  assert.ok(seconds <= callSeconds && seconds > callSeconds - 1.1, `recording ${seconds} s, call ${callSeconds} s (answer to hang-up)`);

  const [business, application] = wav.channels.map(utterancesIn);
  assert.deepEqual(business.slice(0, 1), [greeting], 'channel 1 is the called party');
  assert.ok(business.includes('Thank you for calling Acme Telecom. Goodbye.'));
  assert.ok(!business.includes(request));
  assert.deepEqual(application, [request, "No, that's all. Thank you, goodbye."], 'channel 2 is what our stream sent');

  const fetched = await client.calls(call.sid).fetch();
  assert.equal(fetched.answeredBy, 'human');
  const listed = await client.recordings.list({ callSid: call.sid });
  assert.deepEqual(listed.map((recording) => [recording.sid, recording.callSid, recording.status, recording.channels, recording.source, recording.duration]), [
    [RecordingSid, call.sid, 'completed', 2, 'OutboundAPI', RecordingDuration],
  ]);
  assert.deepEqual((await client.calls(call.sid).recordings.list()).map((recording) => recording.sid), [RecordingSid]);
  assert.equal((await client.recordings(RecordingSid).fetch()).mediaUrl, RecordingUrl);

  const mono = await fetch(`${RecordingUrl}?RequestedChannels=1`, { headers: { authorization: basicAuth } });
  assert.equal(readWav(Buffer.from(await mono.arrayBuffer())).channels.length, 1);
  const mp3 = await fetch(`${RecordingUrl}.mp3`, { headers: { authorization: basicAuth } });
  assert.equal(mp3.status, 415);
  const anonymous = await fetch(`${RecordingUrl}.wav`);
  assert.equal(anonymous.status, 401);
});

test('a voicemail is machine_end_beep once its beep is over (async), and the recording is mono by default', async () => {
  const call = await client.calls.create({
    to: '+18005550111',
    from: FROM,
    twiml: `<Response><Connect><Stream url="${app.wsUrl}/voicemail"/></Connect></Response>`,
    record: true,
    recordingStatusCallback: `${app.url}/recording-mono`,
    machineDetection: 'DetectMessageEnd',
    asyncAmd: 'true',
    asyncAmdStatusCallback: `${app.url}/amd-voicemail`,
  });
  const amd = await app.webhook((webhook) => webhook.path === '/amd-voicemail', 30_000);
  assert.equal(amd.params.AnsweredBy, 'machine_end_beep');
  assert.ok(amd.signatureValid);
  // Pickup pause, a greeting of about twelve seconds, then the half-second beep.
  assert.ok(Number(amd.params.MachineDetectionDuration) > 8000, amd.params.MachineDetectionDuration);
  await client.calls(call.sid).update({ status: 'completed' });
  const recorded = await app.webhook((webhook) => webhook.path === '/recording-mono');
  assert.equal(recorded.params.RecordingChannels, '1');
  const error = await fetch(`${recorded.params.RecordingUrl}.wav?RequestedChannels=2`, { headers: { authorization: basicAuth } });
  assert.equal(error.status, 400);
  assert.equal(((await error.json()) as { code: number }).code, 16113);
});

test('synchronous AMD holds the TwiML until the verdict and sends AnsweredBy with the TwiML request', async () => {
  app.serveTwiml('/voice-sync', '<Response><Hangup/></Response>');
  const call = await client.calls.create({ to: '+18005550111', from: FROM, url: `${app.url}/voice-sync`, machineDetection: 'Enable', statusCallback: `${app.url}/status-sync` });
  const voice = await app.webhook((webhook) => webhook.path === '/voice-sync', 30_000);
  assert.ok(voice.signatureValid);
  assert.equal(voice.params.CallSid, call.sid);
  assert.equal(voice.params.AnsweredBy, 'machine_start');
  assert.ok(Number(voice.params.MachineDetectionDuration) >= 2400);
  await app.webhook((webhook) => webhook.path === '/status-sync' && webhook.params.CallStatus === 'completed');
  assert.equal((await client.calls(call.sid).fetch()).answeredBy, 'machine_start');
});

test('invalid recording and AMD parameters are refused; unknown recordings are 20404', async () => {
  const bad: Array<Record<string, unknown>> = [
    { record: true, recordingChannels: 'stereo' },
    { record: true, recordingStatusCallbackEvent: ['finished'] },
    { machineDetection: 'Guess' },
    { machineDetection: 'Enable', machineDetectionTimeout: 120 },
    { machineDetection: 'Enable', asyncAmdStatusCallback: 'not a url' },
  ];
  for (const params of bad) {
    await assert.rejects(client.calls.create({ to: ACME, from: FROM, twiml: '<Response/>', ...params } as never), (error: { status: number }) => error.status === 400, JSON.stringify(params));
  }
  await assert.rejects(client.recordings('RE' + '0'.repeat(32)).fetch(), (error: { code: number }) => error.code === 20404);
});
