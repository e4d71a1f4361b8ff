import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatClock, formatDuration, formatWhen } from './timeFormat.js';

const pinned = { locale: 'en-GB', timeZone: 'Europe/Berlin' };
const now = new Date('2025-03-10T12:00:00.000Z');

test('times are shown in the viewer’s time zone', () => {
  assert.equal(formatClock('2025-03-10T08:15:30.000Z', pinned), '09:15:30');
});

test('recent calls say today or yesterday, by the viewer’s calendar', () => {
  assert.equal(formatWhen('2025-03-10T08:15:00.000Z', { ...pinned, now }), 'Today, 09:15');
  // 23:30 UTC on the 9th is already the 10th in Berlin.
  assert.equal(formatWhen('2025-03-09T23:30:00.000Z', { ...pinned, now }), 'Today, 00:30');
  assert.equal(formatWhen('2025-03-09T10:00:00.000Z', { ...pinned, now }), 'Yesterday, 11:00');
});

test('older calls show the date, and the year only when it differs', () => {
  assert.equal(formatWhen('2025-03-03T10:00:00.000Z', { ...pinned, now }), '3 Mar, 11:00');
  assert.equal(formatWhen('2024-12-24T10:00:00.000Z', { ...pinned, now }), '24 Dec 2024, 11:00');
});

test('durations read naturally at every scale', () => {
  assert.equal(formatDuration(45_200), '45 s');
  assert.equal(formatDuration(270_000), '4 min 30 s');
  assert.equal(formatDuration(3_900_000), '1 h 05 min');
});
