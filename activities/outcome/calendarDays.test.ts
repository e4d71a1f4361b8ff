import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addBusinessDays, addMonths, closestOccurrence, nearestWeekday, nextDayOfMonth } from './calendarDays.js';

describe('calendar days', () => {
  it('skips weekends when counting business days', () => {
    assert.equal(addBusinessDays('2026-12-03', 5), '2026-12-10');
    assert.equal(addBusinessDays('2026-02-27', 1), '2026-03-02');
  });

  it('finds the next or the previous weekday, never the call day itself', () => {
    assert.equal(nearestWeekday('2026-12-07', 1, 'next'), '2026-12-14');
    assert.equal(nearestWeekday('2026-09-14', 5, 'previous'), '2026-09-11');
  });

  it('puts a month and day without a year at the occurrence closest to the call', () => {
    assert.equal(closestOccurrence('2026-01-09', 12, 18), '2025-12-18');
    assert.equal(closestOccurrence('2026-12-29', 1, 4), '2027-01-04');
    assert.equal(closestOccurrence('2026-03-01', 2, 30), null);
  });

  it('keeps month arithmetic inside short months', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(nextDayOfMonth('2026-05-06', 15), '2026-05-15');
    assert.equal(nextDayOfMonth('2026-05-20', 15), '2026-06-15');
  });
});
