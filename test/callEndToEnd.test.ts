import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getJson, postJson, waitFor } from './support/http.js';
import { ACME, FINAL_STATUSES as FINAL, ISSUE, callAcmeAndCheckOutcome } from './support/acmeCall.js';
import { recordHistoryIfAsked } from './support/recordHistory.js';
import { startTestStack, type TestStack } from './support/testStack.js';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { startObjectStore } from '../sandbox/objectStore/objectStore.js';

const RECORDINGS_BUCKET = 'call-recordings';
const S3_KEYS = { accessKeyId: 'test-access-key', secretAccessKey: 'test-secret-key' };

const PATEL_DENTAL = '+18005550111';
const MERIDIAN_HEALTH = '+18005550110';

describe('one call, end to end, through the HTTP API', { timeout: 900_000, concurrency: 3 }, () => {
  let stack: TestStack;
  let bucket: Awaited<ReturnType<typeof startObjectStore>>;
  before(async () => {
    // Recordings go to an S3 bucket here (the sandbox's S3 stand-in), to prove that path; the default is a local directory.
    bucket = await startObjectStore({ host: '127.0.0.1', port: 0, ...S3_KEYS, buckets: [RECORDINGS_BUCKET] });
    stack = await startTestStack({ S3_BUCKET: RECORDINGS_BUCKET, S3_ENDPOINT: bucket.url, S3_ACCESS_KEY_ID: S3_KEYS.accessKeyId, S3_SECRET_ACCESS_KEY: S3_KEYS.secretAccessKey });
  });
  after(async () => {
    await stack?.stop();
    await bucket?.close();
  });

  it('phones the business, states the issue and comes back with the case number it was given', async () => {
    const call = await callAcmeAndCheckOutcome(stack);
    const calleeLines = call.transcript.filter((l: any) => l.speaker === 'callee').map((l: any) => l.text);
    assert.ok(calleeLines.some((t: string) => /Acme Telecom/.test(t)), `the business greeting is missing: ${JSON.stringify(calleeLines)}`);
    const times = call.transcript.map((l: any) => Date.parse(l.at));
    assert.deepEqual(times, [...times].sort((a, b) => a - b), 'transcript lines are in the order they were spoken');

    const statuses = call.timeline.map((e: any) => e.status);
    for (const expected of ['queued', 'dialing', 'ringing', 'in-progress', 'completed']) assert.ok(statuses.includes(expected), `timeline lacks ${expected}: ${statuses}`);
    assert.ok(statuses.indexOf('ringing') < statuses.indexOf('in-progress') && statuses.indexOf('in-progress') < statuses.indexOf('completed'));
    assert.ok(call.timeline.every((e: any) => !Number.isNaN(Date.parse(e.at))));

    await recordHistoryIfAsked(stack.stack.config.temporal.address, call.workflowId, 'completed-call');

    const listed = await getJson(`${stack.api}/calls`);
    assert.ok(listed.body.calls.some((c: any) => c.id === call.id && c.outcome?.caseNumber === call.outcome.caseNumber));
    assert.ok(call.cost.usd > 0, 'the voice model usage is priced');
  });

  it('announces the recording to the person who answers, keeps the WAV in the bucket and serves it', async () => {
    const created = await postJson(`${stack.api}/calls`, { to: ACME, issue: ISSUE, company: 'Acme Telecom', userName: 'Jane Doe', options: { record: true } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const call = await waitFor('the recorded call to be stored', () => getJson(`${stack.api}/calls/${created.body.id}`).then((r) => r.body), (c) => c.recording !== null, 180_000);
    const firstAgentLine = call.transcript.find((l: any) => l.speaker === 'agent')?.text ?? '';
    assert.match(firstAgentLine, /^Just so you know, this call is being recorded\./, 'the recording was announced first');

    const wav = await fetch(`${stack.api}${call.recording.url}`);
    assert.equal(wav.status, 200);
    assert.equal(wav.headers.get('content-type'), 'audio/wav');
    const audio = Buffer.from(await wav.arrayBuffer());
    assert.equal(audio.subarray(0, 4).toString(), 'RIFF');
    assert.equal(audio.readUInt16LE(22), 2, 'both sides of the call, one channel each');
    const part = await fetch(`${stack.api}${call.recording.url}`, { headers: { range: 'bytes=0-43' } });
    assert.equal(part.status, 206, 'players can seek');
    assert.deepEqual(Buffer.from(await part.arrayBuffer()), audio.subarray(0, 44));

    const s3 = new S3Client({ endpoint: bucket.url, region: 'us-east-1', forcePathStyle: true, credentials: S3_KEYS });
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: RECORDINGS_BUCKET, Prefix: `recordings/${call.id}/` }));
    assert.equal(listed.Contents?.length, 1, 'the recording is in the bucket');
    assert.equal(listed.Contents?.[0].Size, audio.length);
  });

  it('streams status and transcript updates live over SSE', async () => {
    const created = await postJson(`${stack.api}/calls`, { to: ACME, issue: ISSUE, company: 'Acme Telecom', userName: 'Jane Doe' });
    const response = await fetch(`${stack.api}/calls/${created.body.id}/events`);
    assert.equal(response.headers.get('content-type'), 'text/event-stream');
    const events: Array<{ event: string; data: any }> = [];
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = response.body!.getReader();
    while (!events.some((e) => e.event === 'status' && e.data.status === 'completed')) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let split: number;
      while ((split = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, split);
        buffer = buffer.slice(split + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
      }
    }
    await reader.cancel();
    assert.equal(events[0].event, 'snapshot');
    assert.ok(events.some((e) => e.event === 'status' && e.data.status === 'ringing'));
    assert.ok(events.filter((e) => e.event === 'transcript').length >= 3, 'transcript lines arrive as they are spoken');
    assert.ok(events.some((e) => e.event === 'outcome' && /^ACM\d{5}$/.test(e.data.caseNumber)));
  });

  it('rejects invalid requests with the field at fault, maps an Idempotency-Key to one call, retries a busy line', async () => {
    const invalid = await postJson(`${stack.api}/calls`, { to: '555-0101', issue: 'short' });
    assert.equal(invalid.status, 400);
    assert.deepEqual(invalid.body.details.map((d: any) => d.path).sort(), ['issue', 'to']);

    const key = { 'Idempotency-Key': `test-${Date.now()}` };
    const first = await postJson(`${stack.api}/calls`, { to: '+18005550102', issue: ISSUE }, key);
    const again = await postJson(`${stack.api}/calls`, { to: '+18005550102', issue: ISSUE }, key);
    assert.equal(first.status, 201);
    assert.equal(again.status, 200);
    assert.equal(again.body.id, first.body.id);
    const conflicting = await postJson(`${stack.api}/calls`, { to: '+18005550103', issue: ISSUE }, key);
    assert.equal(conflicting.status, 409);
    const busy = await waitFor('the busy call to finish', () => getJson(`${stack.api}/calls/${first.body.id}`).then((r) => r.body), (c) => FINAL.includes(c.status));
    assert.equal(busy.status, 'busy');
    assert.equal(busy.outcome, null);
    const statuses = busy.timeline.map((e: any) => e.status);
    assert.equal(statuses.filter((s: string) => s === 'retry-scheduled').length, 1, `a busy line is tried once more: ${statuses}`);
    assert.equal(statuses.filter((s: string) => s === 'dialing').length, 2);
    await recordHistoryIfAsked(stack.stack.config.temporal.address, busy.workflowId, 'busy-call');
  });

  it('reports no-answer and failed calls with the final status the carrier gave', async () => {
    const unanswered = await postJson(`${stack.api}/calls`, { to: '+18005550103', issue: ISSUE });
    const nobody = await postJson(`${stack.api}/calls`, { to: '+18005550999', issue: ISSUE });
    const [noAnswer, failed] = await Promise.all(
      [unanswered.body.id, nobody.body.id].map((id) => waitFor(`call ${id} to finish`, () => getJson(`${stack.api}/calls/${id}`).then((r) => r.body), (c) => FINAL.includes(c.status))),
    );
    assert.equal(noAnswer.status, 'no-answer');
    assert.ok(noAnswer.timeline.some((e: any) => e.status === 'ringing'));
    assert.equal(failed.status, 'failed');
    assert.ok(!failed.timeline.some((e: any) => e.status === 'retry-scheduled'), 'a number nobody serves is not dialled again');
  });

  it("answers a call to the user's number and lists it like any other call", async () => {
    const placed = await postJson(`${stack.sandbox}/_sandbox/inbound`, { caller: 'dana' });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    const inbound = await waitFor(
      'the incoming call to be listed and finished',
      () => getJson(`${stack.api}/calls`).then((r) => r.body.calls.find((c: any) => c.issue.startsWith('Incoming call'))),
      (c) => c && FINAL.includes(c.status),
    );
    const call = (await getJson(`${stack.api}/calls/${inbound.id}`)).body;
    assert.equal(call.direction, 'inbound');
    assert.equal(call.status, 'completed');
    assert.ok(call.transcript.some((l: any) => l.speaker === 'agent'), 'the agent answered');
    assert.ok(call.transcript.some((l: any) => l.speaker === 'callee' && /Dana/.test(l.text)), `the caller was heard: ${JSON.stringify(call.transcript)}`);
  });

  it('brings the user onto the call when only the patient may speak, and still comes back with the reference number', async () => {
    const created = await postJson(`${stack.api}/calls`, {
      to: MERIDIAN_HEALTH, company: 'Meridian Health Partners', userName: 'Jane Doe',
      issue: "I received a hospital bill for 1,240 dollars that I can't pay at once and I'd like a payment plan.",
      facts: { 'Patient name': 'Jane Doe', 'Date of birth': 'November 3, 1979' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const call = await waitFor('the call with the user looped in to finish', () => getJson(`${stack.api}/calls/${created.body.id}`).then((r) => r.body), (c) => FINAL.includes(c.status), 240_000);
    const statuses = call.timeline.map((e: any) => e.status);
    assert.equal(call.status, 'completed');
    assert.ok(statuses.indexOf('user-needed') >= 0 && statuses.indexOf('user-needed') < statuses.indexOf('user-joined'), `the user was asked for, then joined: ${statuses}`);
    const heard = call.transcript.filter((l: any) => l.speaker === 'callee').map((l: any) => l.text).join(' | ');
    assert.match(heard, /Jane/, 'the user spoke on the call');
    assert.match(heard, /verified/i, 'the representative verified the user');
    assert.match(call.outcome?.caseNumber ?? '', /^MHP/, `the reference number was brought back: ${JSON.stringify(call.outcome)}`);
  });

  it('hangs up at a voicemail box and tries again later when the user chose not to leave messages', async () => {
    const created = await postJson(`${stack.api}/calls`, { to: PATEL_DENTAL, issue: 'I need to reschedule my cleaning appointment next Tuesday.', options: { voicemail: 'hang-up' } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const call = await waitFor('the voicemail call to finish', () => getJson(`${stack.api}/calls/${created.body.id}`).then((r) => r.body), (c) => FINAL.includes(c.status));
    const statuses = call.timeline.map((e: any) => e.status);
    assert.ok(statuses.includes('voicemail-beep'), `the beep was heard: ${statuses}`);
    const retry = call.timeline.find((e: any) => e.status === 'retry-scheduled');
    assert.match(retry?.detail ?? '', /ended at voicemail/, `the call is tried again: ${statuses}`);
    assert.equal(statuses.filter((s: string) => s === 'dialing').length, 2);
    // Nothing the agent said after the beep: no message was left.
    const beepAt = Date.parse(call.timeline.find((e: any) => e.status === 'voicemail-beep').at);
    const afterBeep = call.transcript.filter((l: any) => l.speaker === 'agent' && Date.parse(l.at) > beepAt && Date.parse(l.at) < Date.parse(retry.at));
    assert.deepEqual(afterBeep, [], 'no message was left');
  });

  it('refuses carrier webhooks whose signature does not match', async () => {
    const response = await fetch(`${stack.api}/twilio/status?callId=call_000000000000000000000000`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' },
      body: new URLSearchParams({ CallSid: `CA${'0'.repeat(32)}`, CallStatus: 'completed' }),
    });
    assert.equal(response.status, 403);
  });
});
