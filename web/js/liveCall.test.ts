import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCallEvent, talkTimeMs } from './liveCall.js';

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

test('talk time runs from answer to hang-up, or to now while still talking', () => {
  const timeline = [
    { status: 'ringing', at: '2025-03-03T10:00:05.000Z' },
    { status: 'in-progress', at: '2025-03-03T10:00:10.000Z' },
    { status: 'completed', at: '2025-03-03T10:04:40.000Z' },
  ];
  assert.equal(talkTimeMs(timeline), 270_000);
  assert.equal(talkTimeMs(timeline.slice(0, 2), Date.parse('2025-03-03T10:01:10.000Z')), 60_000);
  assert.equal(talkTimeMs(timeline.slice(0, 1)), null);
});
