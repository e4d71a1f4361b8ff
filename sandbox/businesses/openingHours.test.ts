import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpeningHours } from './businessScript.js';
import { isOpenAt } from './openingHours.js';

const NINE_TO_FIVE_WEEKDAYS: OpeningHours = {
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, from: 9 * 60, to: 17 * 60 })),
  closedMessage: 'We are closed.',
};

test('opening hours are judged on the business clock, not the caller clock', () => {
  // 14:30 UTC on a Wednesday is 09:30 in New York (open) and 06:30 in Los Angeles (closed).
  const wednesday = new Date('2025-03-12T14:30:00Z');
  assert.equal(isOpenAt(NINE_TO_FIVE_WEEKDAYS, 'America/New_York', wednesday), true);
  assert.equal(isOpenAt(NINE_TO_FIVE_WEEKDAYS, 'America/Los_Angeles', wednesday), false);
});

test('the closing minute is already closed, and weekends stay closed', () => {
  assert.equal(isOpenAt(NINE_TO_FIVE_WEEKDAYS, 'UTC', new Date('2025-03-12T16:59:00Z')), true);
  assert.equal(isOpenAt(NINE_TO_FIVE_WEEKDAYS, 'UTC', new Date('2025-03-12T17:00:00Z')), false);
  assert.equal(isOpenAt(NINE_TO_FIVE_WEEKDAYS, 'UTC', new Date('2025-03-15T12:00:00Z')), false);
});
