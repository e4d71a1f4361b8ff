import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCallEvent } from './liveCall.js';

const snapshot = {
  id: 'c1',
  to: '+12125550100',
  company: 'Acme Bank',
  issue: 'Double charge',
  status: 'ringing',
  createdAt: '2025-03-03T10:00:00.000Z',
  updatedAt: '2025-03-03T10:00:05.000Z',
  timeline: [
    { status: 'ringing', at: '2025-03-03T10:00:05.000Z' },
    { status: 'dialing', at: '2025-03-03T10:00:01.000Z' },
  ],
  transcript: [],
  outcome: null,
};

function play(events: Array<{ type: string; data: unknown }>) {
  return events.reduce(applyCallEvent, null);
}

test('events before the first snapshot are ignored', () => {
  assert.equal(play([{ type: 'status', data: { status: 'completed', at: '2025-03-03T10:09:00.000Z' } }]), null);
});

test('a status event moves the call on and lands in the timeline in time order', () => {
  const call = play([
    { type: 'snapshot', data: snapshot },
    { type: 'status', data: { status: 'in-progress', at: '2025-03-03T10:00:09.000Z', detail: 'answered' } },
  ]);
  assert.equal(call.status, 'in-progress');
  assert.deepEqual(call.timeline.map((t: { status: string }) => t.status), ['dialing', 'ringing', 'in-progress']);
});

test('a late, older status is recorded but does not roll the status back', () => {
  const call = play([
    { type: 'snapshot', data: { ...snapshot, status: 'completed', timeline: [{ status: 'completed', at: '2025-03-03T10:09:00.000Z' }] } },
    { type: 'status', data: { status: 'ringing', at: '2025-03-03T10:00:05.000Z' } },
  ]);
  assert.equal(call.status, 'completed');
  assert.equal(call.timeline.length, 2);
});

test('transcript lines are kept in spoken order and a repeated line shows once', () => {
  const line = (seq: number, text: string) => ({ seq, speaker: 'callee', text, at: '2025-03-03T10:00:10.000Z' });
  const call = play([
    { type: 'snapshot', data: { ...snapshot, transcript: [line(1, 'Hello, Acme Bank.')] } },
    { type: 'transcript', data: line(3, 'Let me check that.') },
    { type: 'transcript', data: line(2, 'How can I help?') },
    { type: 'transcript', data: line(2, 'How can I help?') },
  ]);
  assert.deepEqual(call.transcript.map((l: { text: string }) => l.text), ['Hello, Acme Bank.', 'How can I help?', 'Let me check that.']);
});

test('a reconnect snapshot replaces what was built up before it', () => {
  const call = play([
    { type: 'snapshot', data: snapshot },
    { type: 'transcript', data: { seq: 1, speaker: 'agent', text: 'Hi', at: '2025-03-03T10:00:10.000Z' } },
    { type: 'snapshot', data: { ...snapshot, status: 'completed', transcript: [] } },
  ]);
  assert.equal(call.status, 'completed');
  assert.deepEqual(call.transcript, []);
});

test('the outcome event fills the outcome card', () => {
  const outcome = { resolved: 'yes', caseNumber: 'CASE-4417', nextSteps: ['Refund in 5 days'], summary: 'Refunded.' };
  const call = play([{ type: 'snapshot', data: snapshot }, { type: 'outcome', data: outcome }]);
  assert.deepEqual(call.outcome, outcome);
});

const inProgress = {
  ...snapshot,
  status: 'in-progress',
  timeline: [
    { kind: 'status', status: 'ringing', at: '2025-03-03T10:00:05.000Z', detail: null, callStatus: 'in-progress' },
    { kind: 'status', status: 'in-progress', at: '2025-03-03T10:00:10.000Z', detail: null, callStatus: 'in-progress' },
  ],
};
const entry = (kind: string, status: string, at: string, callStatus: string, detail: string | null = null) => ({ kind, status, at, detail, callStatus });

test('line events land in the timeline but the badge shows only real statuses', () => {
  const call = play([
    { type: 'snapshot', data: inProgress },
    { type: 'timeline', data: entry('event', 'media-ended', '2025-03-03T10:04:39.000Z', 'in-progress', 'MZ0123456789abcdef0123456789abcdef') },
    { type: 'timeline', data: entry('event', 'agent-hung-up', '2025-03-03T10:04:38.000Z', 'in-progress', 'done') },
  ]);
  assert.equal(call.status, 'in-progress');
  assert.deepEqual(call.timeline.map((t: { status: string }) => t.status), ['ringing', 'in-progress', 'agent-hung-up', 'media-ended']);
});

test('an entry read before the call ended, delivered after the final status, does not reopen the call', () => {
  const call = play([
    { type: 'snapshot', data: inProgress },
    { type: 'status', data: entry('status', 'completed', '2025-03-03T10:04:40.000Z', 'completed', 'duration 270s') },
    { type: 'timeline', data: entry('event', 'media-ended', '2025-03-03T10:04:41.000Z', 'in-progress') },
  ]);
  assert.equal(call.status, 'completed');
});

test('the status the server read with a line event moves the badge forward', () => {
  const call = play([
    { type: 'snapshot', data: { ...snapshot, status: 'ringing' } },
    { type: 'timeline', data: entry('event', 'media-connected', '2025-03-03T10:00:09.000Z', 'in-progress') },
  ]);
  assert.equal(call.status, 'in-progress');
});

test('entries are ordered by time, and entries with the same time in the order they came', () => {
  const at = '2025-03-03T10:00:10.000Z';
  const call = play([
    { type: 'snapshot', data: inProgress },
    { type: 'timeline', data: entry('event', 'hold-started', at, 'in-progress', 'on hold') },
    { type: 'timeline', data: entry('event', 'media-connected', at, 'in-progress') },
    { type: 'timeline', data: entry('event', 'hold-started', at, 'in-progress', 'on hold') },
  ]);
  assert.deepEqual(call.timeline.map((t: { status: string }) => t.status), ['ringing', 'in-progress', 'hold-started', 'media-connected']);
});

test('after a retry the call waits as scheduled, ignores news of the old attempt, then moves through the next', () => {
  const retry = entry('event', 'retry-scheduled', '2025-03-03T10:05:00.000Z', 'scheduled', 'attempt 1 ended busy; next attempt at 2025-03-03T10:07:00.000Z');
  const afterRetry = play([
    { type: 'snapshot', data: inProgress },
    { type: 'timeline', data: retry },
    { type: 'timeline', data: entry('event', 'media-ended', '2025-03-03T10:04:50.000Z', 'in-progress') },
    { type: 'timeline', data: retry },
  ]);
  assert.equal(afterRetry.status, 'scheduled');
  const nextAttempt = [
    { type: 'status', data: entry('status', 'queued', '2025-03-03T10:07:00.000Z', 'queued', 'attempt 2') },
    { type: 'status', data: entry('status', 'dialing', '2025-03-03T10:07:01.000Z', 'dialing') },
  ].reduce(applyCallEvent, afterRetry);
  assert.equal(nextAttempt.status, 'dialing');
});

test('an unknown event type or a malformed event changes nothing', () => {
  const start = play([{ type: 'snapshot', data: inProgress }]);
  for (const event of [
    { type: 'status', data: { at: 'yesterday' } },
    { type: 'timeline', data: 'media-ended' },
    { type: 'transcript', data: { speaker: 'agent' } },
    { type: 'partial', data: { speaker: 'system', itemId: 'x', text: 'hi' } },
    { type: 'surprise', data: {} },
  ]) {
    assert.equal(applyCallEvent(start, event), start, JSON.stringify(event));
  }
});

const partial = (speaker: string, itemId: string, text: string) => ({ type: 'partial', data: { speaker, itemId, text } });
const finalLine = (seq: number, speaker: string, text: string) => ({ type: 'transcript', data: { seq, speaker, text, at: '2025-03-03T10:00:20.000Z' } });
const shown = (call: { partials: Array<{ speaker: string; text: string }> }) => call.partials.map((p) => `${p.speaker}: ${p.text}`);

test('what someone is saying shows as it grows, and their final line replaces it', () => {
  const speaking = play([{ type: 'snapshot', data: inProgress }, partial('callee', 'item_1', 'Thanks for'), partial('callee', 'item_1', 'Thanks for calling Acme')]);
  assert.deepEqual(shown(speaking), ['callee: Thanks for calling Acme']);
  const done = applyCallEvent(speaking, finalLine(1, 'callee', 'Thanks for calling Acme Telecom.'));
  assert.deepEqual(shown(done), []);
  assert.deepEqual(done.transcript.map((l: { text: string }) => l.text), ['Thanks for calling Acme Telecom.']);
  assert.deepEqual(shown(applyCallEvent(done, partial('callee', 'item_1', 'Thanks for calling Acme Tele'))), [], 'a late piece of a finished line stays away');
});

test('a new utterance replaces the speaker’s previous one; the other side’s stays until its own line', () => {
  const call = play([
    { type: 'snapshot', data: inProgress },
    partial('agent', 'resp_1', 'Hello, I am calling'),
    partial('callee', 'item_1', 'Sorry, one'),
    partial('agent', 'resp_2', 'Could you'),
  ]);
  assert.deepEqual(shown(call), ['callee: Sorry, one', 'agent: Could you']);
  assert.deepEqual(shown(applyCallEvent(call, finalLine(1, 'agent', 'Could you check my bill?'))), ['callee: Sorry, one']);
});

test('nobody is speaking once the call has ended, and a reconnect starts without partials', () => {
  const speaking = play([{ type: 'snapshot', data: inProgress }, partial('agent', 'resp_1', 'Thank you, goodb')]);
  const ended = applyCallEvent(speaking, { type: 'status', data: entry('status', 'completed', '2025-03-03T10:04:40.000Z', 'completed') });
  assert.deepEqual(shown(ended), []);
  assert.deepEqual(shown(applyCallEvent(ended, partial('agent', 'resp_2', 'Bye'))), []);
  assert.deepEqual(shown(applyCallEvent(speaking, { type: 'snapshot', data: inProgress })), []);
});
