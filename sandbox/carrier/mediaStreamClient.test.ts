import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import twilio from 'twilio';
import { FRAME_BYTES, MULAW_SILENCE } from '../../common/audio/mulaw.js';
import type { AnsweringBusiness, BusinessCallContext, BusinessLine } from '../businesses/business.js';
import { BusinessDirectory } from '../businesses/businessDirectory.js';
import { startCarrier, type RunningCarrier } from './carrier.js';
import { startFakeApplication, type FakeApplication, type StreamConnection } from './fakeApplication.js';

const ACCOUNT_SID = 'AC' + 'b'.repeat(32);
const AUTH_TOKEN = 'media-token';
const RECORDER_NUMBER = '+18005550188';
const TONE = 0x10;

/** A business that records what it hears and says a counting pattern (frame n is filled with n % 200). */
class RecordingLine implements BusinessLine {
  readonly heardFrames: Buffer[] = [];
  readonly digits: string[] = [];
  readonly facts = {};
  readonly heard = [];
  ended = false;
  private spokenFrames = 0;

  constructor(readonly context: BusinessCallContext) {}

  tick(heard: Buffer): Buffer {
    this.heardFrames.push(heard);
    return Buffer.alloc(FRAME_BYTES, this.spokenFrames++ % 200);
  }

  hearDigit(digit: string): void {
    this.digits.push(digit);
  }

  end(): void {
    this.ended = true;
  }

  framesOf(value: number): number {
    return this.heardFrames.filter((frame) => frame.every((byte) => byte === value)).length;
  }
}

const lines: RecordingLine[] = [];
const recorder: AnsweringBusiness = {
  id: 'recorder',
  name: 'Recorder',
  number: RECORDER_NUMBER,
  pickup: 'answer',
  rings: 1,
  answer(context) {
    const line = new RecordingLine(context);
    lines.push(line);
    return line;
  },
};

let carrier: RunningCarrier;
let app: FakeApplication;
let client: twilio.Twilio;

before(async () => {
  carrier = await startCarrier({ port: 0, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, businesses: new BusinessDirectory([recorder]), timing: { ringMs: 100 } });
  app = await startFakeApplication(AUTH_TOKEN);
  app.serveTwiml('/voice', `<Response><Connect><Stream url="${app.wsUrl}/media?leg=1"><Parameter name="callId" value="c-42"/></Stream></Connect><Hangup/></Response>`);
  client = twilio(ACCOUNT_SID, AUTH_TOKEN);
  client.api.baseUrl = carrier.url;
});

after(async () => {
  await carrier.close();
  await app.close();
});

/** Places a call to the recorder and returns its first stream once `start` has arrived. */
async function streamedCall() {
  const streamsBefore = app.streams.length;
  const call = await client.calls.create({ to: RECORDER_NUMBER, from: '+15005550006', url: `${app.url}/voice` });
  const stream = await app.stream(streamsBefore + 1);
  const start = await stream.waitForEvent('start');
  return { call, stream, streamSid: start.streamSid as string, line: lines[lines.length - 1] };
}

const mediaCount = (stream: StreamConnection, from: number, to: number) => stream.messages.slice(from, to).filter((message) => message.event === 'media').length;

function sendAudio(stream: StreamConnection, streamSid: string, bytes: number, chunkBytes: number) {
  for (let sent = 0; sent < bytes; sent += chunkBytes) {
    const payload = Buffer.alloc(Math.min(chunkBytes, bytes - sent), TONE).toString('base64');
    stream.send({ event: 'media', streamSid, media: { payload } });
  }
}

test('the stream opens with connected and start, then carries the business audio as 20 ms frames', async () => {
  const { call, stream, streamSid } = await streamedCall();
  assert.equal(stream.path, '/media');
  assert.ok(stream.signatureValid, 'the upgrade carries a valid X-Twilio-Signature');
  await stream.waitFor(() => stream.messages.filter((message) => message.event === 'media').length >= 30);

  const [connected, start, ...rest] = stream.messages;
  assert.deepEqual(connected, { event: 'connected', protocol: 'Call', version: '1.0.0' });
  assert.match(streamSid, /^MZ[0-9a-f]{32}$/);
  assert.deepEqual(start, {
    event: 'start',
    sequenceNumber: '1',
    start: {
      accountSid: ACCOUNT_SID,
      streamSid,
      callSid: call.sid,
      tracks: ['inbound'],
      customParameters: { callId: 'c-42' },
      mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
    },
    streamSid,
  });
  const media = rest.slice(0, 30) as Array<{ event: string; sequenceNumber: string; streamSid: string; media: { track: string; chunk: string; timestamp: string; payload: string } }>;
  let previousPattern: number | undefined;
  media.forEach((message, index) => {
    assert.equal(message.event, 'media');
    assert.equal(message.sequenceNumber, String(index + 2));
    assert.equal(message.streamSid, streamSid);
    assert.equal(message.media.track, 'inbound');
    assert.equal(message.media.chunk, String(index + 1));
    assert.equal(message.media.timestamp, String(index * 20));
    const payload = Buffer.from(message.media.payload, 'base64');
    assert.equal(payload.length, FRAME_BYTES);
    // The business's counting pattern arrives frame after frame, none lost or reordered.
    if (previousPattern !== undefined) assert.equal(payload[0], (previousPattern + 1) % 200);
    previousPattern = payload[0];
  });
  await client.calls(call.sid).update({ status: 'completed' });
});

test("the application's audio plays to the business in real time and its mark is echoed once played", async () => {
  const { call, stream, streamSid, line } = await streamedCall();
  const sentAt = stream.messages.length;
  sendAudio(stream, streamSid, 8000, 1000); // one second, in chunks that are not frame-sized
  stream.send({ event: 'mark', streamSid, mark: { name: 'greeting-done' } });
  const echo = await stream.waitForEvent('mark', sentAt);
  const echoIndex = stream.messages.indexOf(echo);
  assert.deepEqual(echo, { event: 'mark', sequenceNumber: echo.sequenceNumber, streamSid, mark: { name: 'greeting-done' } });
  assert.equal(Number(echo.sequenceNumber), Number(stream.messages[echoIndex - 1].sequenceNumber) + 1);
  const framesPlayedMeanwhile = mediaCount(stream, sentAt, echoIndex);
  assert.ok(framesPlayedMeanwhile >= 48, `mark echoed after ${framesPlayedMeanwhile} frames, before the second of audio had played`);
  assert.equal(line.framesOf(TONE), 50, 'the business heard the whole second of audio');
  await client.calls(call.sid).update({ status: 'completed' });
});

test('clear flushes the queued audio and echoes every pending mark at once', async () => {
  const { call, stream, streamSid, line } = await streamedCall();
  sendAudio(stream, streamSid, 80_000, 4000);
  stream.send({ event: 'mark', streamSid, mark: { name: 'a' } });
  sendAudio(stream, streamSid, 80_000, 4000);
  stream.send({ event: 'mark', streamSid, mark: { name: 'b' } });
  const sentAt = stream.messages.length;
  await stream.waitFor(() => mediaCount(stream, sentAt, stream.messages.length) >= 10);
  const clearedAt = stream.messages.length;
  stream.send({ event: 'clear', streamSid });
  const markB = await stream.waitFor((message) => message.event === 'mark' && (message.mark as { name: string }).name === 'b', clearedAt);
  const marks = stream.messages.filter((message) => message.event === 'mark').map((message) => (message.mark as { name: string }).name);
  assert.deepEqual(marks, ['a', 'b']);
  assert.ok(mediaCount(stream, clearedAt, stream.messages.indexOf(markB)) < 10, 'marks echoed right after the clear');
  const heardBefore = line.framesOf(TONE);
  assert.ok(heardBefore < 100, `only what played before the clear was heard (${heardBefore} frames)`);
  await stream.waitFor(() => mediaCount(stream, clearedAt, stream.messages.length) >= 20);
  assert.equal(line.framesOf(TONE), heardBefore, 'nothing more of the flushed audio is played');
  await client.calls(call.sid).update({ status: 'completed' });
});

test('updating a live call stops the stream, plays digits to the business, and a Redirect opens a new stream', async () => {
  const { call, stream, streamSid, line } = await streamedCall();
  await stream.waitForEvent('media');
  const streamsBefore = app.streams.length;
  await client.calls(call.sid).update({ twiml: `<Response><Play digits="1w2"/><Redirect>${app.url}/voice</Redirect></Response>` });
  const stop = await stream.waitForEvent('stop');
  assert.deepEqual(stop, { event: 'stop', sequenceNumber: stop.sequenceNumber, streamSid, stop: { accountSid: ACCOUNT_SID, callSid: call.sid } });
  const lastIndex = stream.messages.indexOf(stop);
  assert.equal(Number(stop.sequenceNumber), Number(stream.messages[lastIndex - 1].sequenceNumber) + 1);
  await stream.closed;
  assert.equal(stream.messages.length, lastIndex + 1, 'nothing follows stop');

  const second = await app.stream(streamsBefore + 1);
  const start = await second.waitForEvent('start');
  assert.equal(start.sequenceNumber, '1');
  assert.notEqual(start.streamSid, streamSid);
  assert.equal((start.start as { callSid: string }).callSid, call.sid);
  assert.deepEqual(line.digits, ['1', '2']);
  assert.ok(line.heardFrames.some((frame) => frame.some((byte) => byte !== MULAW_SILENCE)), 'the tones were played in-band too');
  await client.calls(call.sid).update({ status: 'completed' });
  await second.waitForEvent('stop');
});

test('a key pressed by the business reaches the application as a dtmf message', async () => {
  const { call, stream, streamSid, line } = await streamedCall();
  line.context.pressDigit('7');
  const dtmf = await stream.waitForEvent('dtmf');
  assert.deepEqual(dtmf, { event: 'dtmf', streamSid, sequenceNumber: dtmf.sequenceNumber, dtmf: { track: 'inbound_track', digit: '7' } });
  await client.calls(call.sid).update({ status: 'completed' });
});

test('invalid messages are ignored and noted, unknown events silently ignored, and the stream goes on', async () => {
  const { call, stream, streamSid } = await streamedCall();
  stream.socket.send('not json');
  stream.send({ event: 'media', streamSid, media: { payload: '***' } });
  stream.send({ event: 'mark', streamSid: 'MZ-someone-else', mark: { name: 'x' } });
  stream.send({ event: 'something-new', streamSid });
  const sentAt = stream.messages.length;
  await stream.waitFor(() => mediaCount(stream, sentAt, stream.messages.length) >= 5);
  const truth = (await (await fetch(`${carrier.url}/_sandbox/calls/${call.sid}`)).json()) as { notifications: Array<{ code: number }> };
  assert.deepEqual(truth.notifications.map((notification) => notification.code), [31951, 31951, 31951]);
  await client.calls(call.sid).update({ status: 'completed' });
});

test('when the application closes the stream the call continues with the next verb', async () => {
  const { call, stream } = await streamedCall();
  stream.socket.close();
  for (let i = 0; i < 100; i++) {
    if ((await client.calls(call.sid).fetch()).status === 'completed') break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.equal((await client.calls(call.sid).fetch()).status, 'completed', '<Hangup/> after <Connect> ran');
});

test('when the business hangs up the application gets stop and the call completes', async () => {
  const { call, stream, line } = await streamedCall();
  line.context.hangUp();
  await stream.waitForEvent('stop');
  await stream.closed;
  assert.ok(line.ended);
  assert.equal((await client.calls(call.sid).fetch()).status, 'completed');
});
