import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deadlineOf } from './deadlines.js';

const due = (clause: string, callDay: string, sentence = clause) => deadlineOf(clause, sentence, callDay);

describe('deadlines of promises', () => {
  it('counts business days to the far end of a range', () => {
    assert.equal(due('A refund will appear within five to seven business days.', '2026-10-14'), '2026-10-23');
    assert.equal(due('Funds go back to the original card in up to 10 business days.', '2026-02-11'), '2026-02-25');
  });

  it('turns hours, weeks and months into days', () => {
    assert.equal(due('An adjuster will contact you within 48 hours.', '2026-03-16'), '2026-03-18');
    assert.equal(due('We will call you back, usually within two hours.', '2026-12-03'), '2026-12-03');
    assert.equal(due('It will be emailed within the hour.', '2026-06-05'), '2026-06-05');
    assert.equal(due("We'll refund it in two weeks.", '2026-07-20'), '2026-08-03');
  });

  it('uses a named day, a time later today, or "the same day"', () => {
    assert.equal(due('She will call you on Monday with a decision.', '2026-04-22'), '2026-04-27');
    assert.equal(due('The crew should have power back by 6 PM.', '2026-08-20'), '2026-08-20');
    assert.equal(
      due('the new address will be live the same day.', '2026-04-08', 'Service will stop on April 20th and the new address will be live the same day.'),
      '2026-04-20',
    );
  });

  it('gives no day when the clock starts at a later event, or no deadline was set', () => {
    assert.equal(due("we'll ship it back free of charge in five days", '2026-09-14', 'Once we receive the laptop, we will ship it back in five days.'), null);
    assert.equal(due('The technician will bring a new box.', '2026-10-14'), null);
  });
});
