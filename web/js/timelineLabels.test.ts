import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeTimelineEntry } from './timelineLabels.js';

const timeOptions = { timeZone: 'UTC', locale: 'en-GB', now: new Date('2025-03-03T12:00:00.000Z') };
const event = (status: string, detail: string | null = null) => ({ kind: 'event', status, at: '2025-03-03T10:00:00.000Z', detail, callStatus: 'in-progress' });
const describe = (entry: object) => describeTimelineEntry(entry, timeOptions);

test('line events read as words, never as the system’s names', () => {
  const labels = ['media-connected', 'media-ended', 'hold-started', 'user-needed', 'escalated', 'agent-hung-up', 'retry-scheduled'].map((name) => describe(event(name)).label);
  assert.deepEqual(labels, ['Audio connected', 'Audio ended', 'On hold', 'Needs you on the call', 'Asked for a supervisor', 'Agent hung up', 'Retry scheduled']);
  assert.equal(describe(event('voicemail-left')).label, 'Voicemail left', 'an event this page does not know yet still reads without hyphens');
});

test('who answered is part of the label', () => {
  assert.equal(describe(event('answered-by', 'machine_start')).label, 'Answered by: machine');
  assert.equal(describe(event('answered-by', 'human')).label, 'Answered by: a person');
  assert.equal(describe(event('answered-by', 'machine_end_beep')).detail, null);
});

test('carrier ids and details that repeat the label are not shown', () => {
  assert.equal(describe(event('media-connected', 'MZ0123456789abcdef0123456789abcdef')).detail, null);
  assert.equal(describe(event('media-ended', 'MZ0123456789abcdef0123456789abcdef')).detail, null);
  assert.equal(describe(event('hold-started', 'on hold')).detail, null);
  assert.equal(describe(event('agent-hung-up', 'done')).detail, null);
  assert.equal(describe(event('agent-hung-up', 'case number received')).detail, 'Case number received');
});

test('reasons read as sentences and times as people say them', () => {
  assert.equal(describe(event('user-needed', 'only the account holder can confirm')).detail, 'Only the account holder can confirm');
  assert.equal(
    describe(event('retry-scheduled', 'attempt 1 ended busy; next attempt at 2025-03-03T10:12:00.000Z')).detail,
    'Attempt 1: the line was busy. Next attempt: Today, 10:12.',
  );
  const scheduled = { kind: 'status', status: 'scheduled', at: '2025-03-03T09:00:00.000Z', detail: 'for 2025-03-04T09:30:00.000Z', callStatus: 'scheduled' };
  assert.equal(describe(scheduled).detail, 'For 4 Mar, 09:30');
});

test('statuses keep their badge words; the carrier’s own duration is left to the header’s talk time', () => {
  const completed = { kind: 'status', status: 'completed', at: '2025-03-03T10:04:40.000Z', detail: 'duration 270s', callStatus: 'completed' };
  assert.deepEqual(describe(completed), { label: 'Completed', tone: 'success', detail: null });
  assert.equal(describe({ ...completed, detail: 'reported by the carrier on request' }).detail, 'Reported by the carrier on request');
  const queued = { kind: 'status', status: 'queued', at: '2025-03-03T10:07:00.000Z', detail: 'attempt 2', callStatus: 'queued' };
  assert.equal(describe(queued).detail, 'Attempt 2');
});
