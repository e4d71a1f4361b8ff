import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import twilio from 'twilio';
import { FRAME_BYTES, FRAME_MS } from '../../common/audio/mulaw.js';
import type { AnsweringBusiness } from '../businesses/business.js';
import { BusinessDirectory } from '../businesses/businessDirectory.js';
import { startCarrier, type RunningCarrier } from './carrier.js';
import { startFakeApplication, type FakeApplication } from './fakeApplication.js';

const ACCOUNT_SID = 'AC' + '9'.repeat(32);
const AUTH_TOKEN = 'timing-token';
const TALKER = '+18005550177';
const MEASURED_FRAMES = 1500; // 30 s

/** A line that never stops talking (a steady level), so every frame carries audio. */
const talker: AnsweringBusiness = {
  id: 'talker',
  name: 'Talker',
  number: TALKER,
  pickup: 'answer',
  rings: 1,
  answer: () => ({ facts: {}, heard: [], tick: () => Buffer.alloc(FRAME_BYTES, 0x20), hearDigit() {}, end() {} }),
};

let carrier: RunningCarrier;
let app: FakeApplication;
let client: twilio.Twilio;

before(async () => {
  carrier = await startCarrier({ port: 0, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, businesses: new BusinessDirectory([talker]), people: [], timing: { ringMs: 100 } });
  app = await startFakeApplication(AUTH_TOKEN);
  client = twilio(ACCOUNT_SID, AUTH_TOKEN);
  client.api.baseUrl = carrier.url;
});

after(async () => {
  await carrier.close();
  await app.close();
});

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

// A fidelity property of the simulated network (frames paced in real time from one clock, like Twilio's),
// not a speed benchmark: scheduling jitter depends on the machine's load, so it is reported, and what is
// asserted is what a listener relies on: no drift, no burst, nothing lost.
test('a 30 s media stream delivers a frame every 20 ms: no drift, small jitter, no frame lost', { timeout: 60_000 }, async (t) => {
  const call = await client.calls.create({ to: TALKER, from: '+15005550006', twiml: `<Response><Connect><Stream url="${app.wsUrl}/media"/></Connect></Response>` });
  const stream = await app.stream(1);
  const mediaAt = () => stream.messages.flatMap((message, index) => (message.event === 'media' ? [index] : []));
  while (mediaAt().length < MEASURED_FRAMES) await new Promise((resolve) => setTimeout(resolve, 200));
  await client.calls(call.sid).update({ status: 'completed' });

  const media = mediaAt().slice(0, MEASURED_FRAMES);
  const timestamps = media.map((index) => Number((stream.messages[index].media as { timestamp: string }).timestamp));
  const chunks = media.map((index) => Number((stream.messages[index].media as { chunk: string }).chunk));
  assert.deepEqual(timestamps, timestamps.map((_, k) => k * FRAME_MS), 'media timestamps advance 20 ms a frame');
  assert.deepEqual(chunks, chunks.map((_, k) => k + 1), 'no chunk is missing');

  const arrivals = media.map((index) => stream.arrivals[index]);
  const gaps = arrivals.slice(1).map((at, k) => at - arrivals[k]);
  const sorted = [...gaps].sort((a, b) => a - b);
  const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
  const drift = arrivals.at(-1)! - arrivals[0] - (MEASURED_FRAMES - 1) * FRAME_MS;
  const worstLag = Math.max(...arrivals.map((at, k) => Math.abs(at - arrivals[0] - k * FRAME_MS)));
  t.diagnostic(`inter-arrival mean ${mean.toFixed(3)} ms, p50 ${percentile(sorted, 50).toFixed(2)}, p99 ${percentile(sorted, 99).toFixed(2)}, max ${sorted.at(-1)!.toFixed(2)}; drift over 30 s ${drift.toFixed(2)} ms, worst offset ${worstLag.toFixed(2)} ms`);
  assert.ok(Math.abs(drift) < 20, `drift ${drift.toFixed(2)} ms over 30 s`);
  assert.ok(Math.abs(percentile(sorted, 50) - FRAME_MS) < 1, `median gap ${percentile(sorted, 50).toFixed(2)} ms`);
  assert.ok(Math.abs(mean - FRAME_MS) < 0.1, `mean gap ${mean.toFixed(3)} ms`);
  // A burst (frames sent as fast as possible) or a stall would put frames far off their 20 ms schedule.
  assert.ok(worstLag < 100, `a frame was ${worstLag.toFixed(2)} ms off its schedule`);
});
