import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callTitle, describeCallStatus, describeResolution, describeStatus, isUnderway, speakerName } from './callPresentation.js';

test('every status the API knows reads as words, and a new one still shows as sent', () => {
  for (const status of ['scheduled', 'queued', 'dialing', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled']) {
    const { label, summary } = describeStatus(status);
    assert.ok(label && summary, status);
  }
  assert.deepEqual(describeStatus('voicemail'), { label: 'voicemail', tone: 'neutral', summary: '' });
});

test('only calls that can still change count as underway', () => {
  assert.equal(isUnderway('ringing'), true);
  assert.equal(isUnderway('completed'), false);
  assert.equal(isUnderway('no-answer'), false);
});

test('a missing or unexpected resolution reads as unclear', () => {
  assert.equal(describeResolution('yes').label, 'Resolved');
  assert.equal(describeResolution(undefined).label, 'Outcome unclear');
});

test('the other side is named after the company when we know it', () => {
  assert.equal(speakerName('callee', { company: 'Acme Bank', to: '+1555' }), 'Acme Bank');
  assert.equal(speakerName('callee', { company: null, to: '+1555' }), 'Representative');
  assert.equal(callTitle({ company: '', to: '+15550100' }), '+15550100');
});

test('a call scheduled again after a failed attempt says it will retry, and when', () => {
  const retry = { kind: 'event', status: 'retry-scheduled', at: '2025-03-03T10:05:00.000Z', detail: 'attempt 1 ended with no answer; next attempt at 2025-03-03T10:15:00.000Z', callStatus: 'scheduled' };
  const shown = describeCallStatus({ status: 'scheduled', timeline: [retry] });
  assert.equal(shown.label, 'Retrying later');
  assert.match(shown.summary, /^Attempt 1: nobody answered\. Next attempt: /);
  assert.equal(describeCallStatus({ status: 'scheduled', timeline: [] }).label, 'Scheduled');
  assert.equal(describeCallStatus({ status: 'ringing' }).label, 'Ringing', 'a list entry without a timeline');
});
