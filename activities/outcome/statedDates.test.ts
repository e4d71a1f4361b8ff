import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findStatedDates } from './statedDates.js';

const days = (sentence: string, callDay: string) => findStatedDates(sentence, callDay).map((d) => d.date);

describe('days named in a sentence', () => {
  it('resolves explicit dates, taking the weekday said with them as a confirmation', () => {
    assert.deepEqual(days('The earliest I have is Monday, December 7th, between 8 AM and noon.', '2026-12-03'), ['2026-12-07']);
    assert.deepEqual(days('We will come on the twenty-first of December, 2027.', '2026-12-03'), ['2027-12-21']);
    assert.deepEqual(days('I see the account was closed on December 18th.', '2026-01-09'), ['2025-12-18']);
  });

  it('resolves weekdays forward, or back when the sentence is in the past tense', () => {
    assert.deepEqual(days('A field representative will read the meter by Friday.', '2026-12-03'), ['2026-12-04']);
    assert.deepEqual(days('Okay, the claim was approved on Friday.', '2026-09-14'), ['2026-09-11']);
    assert.deepEqual(days('She will call you next Tuesday, not last Tuesday.', '2026-10-14'), ['2026-10-20', '2026-10-13']);
    assert.deepEqual(days('I can get a tech out there Thursday the 12th.', '2026-11-09'), ['2026-11-12']);
  });

  it('resolves today, tomorrow and "the 15th" against the call day', () => {
    assert.deepEqual(days('The refill will be ready for pickup tomorrow after 10 AM.', '2026-02-27'), ['2026-02-28']);
    assert.deepEqual(days('The earliest they will cover it is on the 15th.', '2026-05-06'), ['2026-05-15']);
  });

  it('ignores opening hours, weekdays used as adjectives, greetings and month-only mentions', () => {
    assert.deepEqual(days('Our business hours are Monday through Friday, 7:30 AM to 5 PM.', '2026-12-29'), []);
    assert.deepEqual(days("I'm issuing a full refund of the Saturday delivery fee.", '2026-10-05'), []);
    assert.deepEqual(days('How can I help you today?', '2026-10-14'), []);
    assert.deepEqual(days('I see the contract runs until March 2027.', '2026-05-11'), []);
  });
});
