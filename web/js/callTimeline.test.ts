import { test } from 'node:test';
import assert from 'node:assert/strict';
import { onHoldSince, pendingRetry, pendingUserRequest, talkTimeMs } from './callTimeline.js';

const status = (name: string, at: string) => ({ kind: 'status', status: name, at: `2025-03-03T10:${at}.000Z`, detail: null, callStatus: 'completed' });
const event = (name: string, at: string, detail: string | null = null) => ({ kind: 'event', status: name, at: `2025-03-03T10:${at}.000Z`, detail, callStatus: 'completed' });

test('talk time runs from answer to hang-up, or to now while still talking', () => {
  const timeline = [status('ringing', '00:05'), status('in-progress', '00:10'), status('completed', '04:40')];
  assert.equal(talkTimeMs(timeline), 270_000);
  assert.equal(talkTimeMs(timeline.slice(0, 2), Date.parse('2025-03-03T10:01:10.000Z')), 60_000);
  assert.equal(talkTimeMs(timeline.slice(0, 1)), null);
});

test('talk time ignores what happened on the line: only the call’s statuses start and end it', () => {
  const timeline = [
    status('ringing', '00:05'),
    event('media-connected', '00:09'),
    status('in-progress', '00:10'),
    event('hold-started', '01:00', 'on hold'),
    event('media-ended', '04:39'),
    status('completed', '04:40'),
    event('agent-hung-up', '04:41', 'done'),
  ];
  assert.equal(talkTimeMs(timeline, Date.parse('2025-03-03T11:00:00.000Z')), 270_000);
});

test('talk time adds up the attempts a retried call was answered on, each until its audio ended', () => {
  const timeline = [
    status('in-progress', '00:10'),
    event('media-ended', '00:50'),
    event('media-connected', '00:55'),
    event('media-ended', '01:20'),
    event('retry-scheduled', '01:30', 'attempt 1 ended dropped before the agent finished; next attempt at 2025-03-03T10:03:20.000Z'),
    status('queued', '03:20'),
    status('ringing', '03:25'),
    status('in-progress', '03:30'),
    status('completed', '04:00'),
  ];
  assert.equal(talkTimeMs(timeline), 70_000 + 30_000);
});

test('a call between attempts is waiting on its latest retry', () => {
  const retry = event('retry-scheduled', '01:20', 'attempt 1 ended busy; next attempt at 2025-03-03T10:03:20.000Z');
  const timeline = [status('queued', '00:00'), status('ringing', '00:05'), retry];
  assert.equal(pendingRetry({ status: 'scheduled', timeline }), retry);
  assert.equal(pendingRetry({ status: 'queued', timeline: [...timeline, status('queued', '03:20')] }), null);
  assert.equal(pendingRetry({ status: 'scheduled', timeline: [status('scheduled', '00:00')] }), null, 'a call scheduled from the start is not retrying');
});

test('the agent’s call for the user stands while that call is live, and not on the next attempt', () => {
  const request = event('user-needed', '02:00', 'the bank will only speak to the account holder');
  const timeline = [status('in-progress', '00:10'), request];
  assert.equal(pendingUserRequest({ status: 'in-progress', timeline }), request);
  assert.equal(pendingUserRequest({ status: 'completed', timeline: [...timeline, status('completed', '03:00')] }), null);
  const nextAttempt = [...timeline, event('retry-scheduled', '03:00', 'attempt 1 ended busy; next attempt at 2025-03-03T10:05:00.000Z'), status('in-progress', '05:10')];
  assert.equal(pendingUserRequest({ status: 'in-progress', timeline: nextAttempt }), null);
});

test('the call for the user is answered once they join, or once their phone went unanswered', () => {
  const request = event('user-needed', '02:00', 'only the patient may discuss the bill');
  const timeline = [status('in-progress', '00:10'), request];
  assert.equal(pendingUserRequest({ status: 'in-progress', timeline: [...timeline, event('user-joined', '02:20')] }), null);
  assert.equal(pendingUserRequest({ status: 'in-progress', timeline: [...timeline, event('user-unreachable', '02:50')] }), null);
  const askedAgain = event('user-needed', '04:00', 'they need the patient again');
  assert.equal(pendingUserRequest({ status: 'in-progress', timeline: [...timeline, event('user-left', '03:00'), event('user-joined', '02:20'), askedAgain] }), askedAgain);
});

test('a call is on hold from the moment hold music was detected until someone picks up', () => {
  const held = event('hold-started', '01:00', 'hold audio detected');
  const timeline = [status('in-progress', '00:10'), event('media-connected', '00:11'), held];
  assert.equal(onHoldSince({ status: 'in-progress', timeline }), Date.parse(held.at));
  assert.equal(onHoldSince({ status: 'in-progress', timeline: [...timeline, event('human-reached', '13:34', 'after 754 s on hold')] }), null);
  assert.equal(onHoldSince({ status: 'completed', timeline }), null, 'a finished call is not on hold');
  assert.equal(onHoldSince({ status: 'in-progress', timeline: [status('in-progress', '00:10')] }), null);
});

