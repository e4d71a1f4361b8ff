import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { companyStatements } from './companySpeech.js';
import { findPromisedActions } from './promisedActions.js';

const promisesIn = (callDay: string, ...said: string[]) =>
  findPromisedActions(
    companyStatements(said.map((text, i) => ({ seq: i + 1, speaker: 'callee', text, at: `${callDay}T15:00:00Z` }))),
    'Northwind Energy',
    callDay,
  ).map((f) => f.promise);

describe('promised actions', () => {
  it('splits two promises in one sentence and gives each its own deadline', () => {
    assert.deepEqual(promisesIn('2026-12-03', 'A field representative will read the meter by Friday, and I will call you back on Monday, December 7th.'), [
      { action: 'A field representative will read the meter by Friday', who: 'Northwind Energy (field representative)', by: '2026-12-04' },
      { action: 'I will call you back on Monday, December 7th.', who: 'Northwind Energy', by: '2026-12-07' },
    ]);
  });

  it('names the role that will act, including contractions like "the tech\'ll"', () => {
    const [promise] = promisesIn('2026-11-09', "ticket number T K 4 4 0 0 9 and the tech'll call her when he's on the way");
    assert.equal(promise.who, 'Northwind Energy (tech)');
  });

  it('does not take what the representative does while still on the line for a promise', () => {
    assert.deepEqual(promisesIn('2026-11-24', "Of course, I'll wait.", 'I will transfer you to billing now.', "We'll stay on the line while she verifies."), []);
    assert.equal(promisesIn('2026-11-24', "Of course, I'll wait. I'll email you the form today.").length, 1);
    assert.equal(promisesIn('2026-11-24', "I'll put you down for a technician visit on Tuesday.").length, 1, 'a booking is a promise');
  });

  it('explains "it" with the sentence before', () => {
    const [promise] = promisesIn('2026-07-20', 'The voucher code is V C N 8 8 3 1. It will be emailed to him within 24 hours.');
    assert.equal(promise.action, 'The voucher code is V C N 8 8 3 1. It will be emailed to him within 24 hours.');
    assert.equal(promise.by, '2026-07-21');
  });

  it('takes arrangements and service levels said without "will"', () => {
    const found = promisesIn(
      '2026-06-17',
      "I've scheduled the disconnect for June 30th as requested.",
      'Funds go back to the original card in up to 10 business days.',
      'A confirmation email is on its way.',
    );
    assert.deepEqual(found.map((p) => p.by), ['2026-06-30', '2026-07-01', null]);
  });

  it('leaves out conditions, refusals, descriptions, boilerplate and what the customer must do', () => {
    assert.deepEqual(
      promisesIn(
        '2026-08-20',
        "If the dispute is approved, you'll get a provisional credit.",
        'Your service will not be disconnected while the arrangement is in good standing.',
        "There's a trip charge of $89 that the partner will collect.",
        'Your call will be answered in the order it was received.',
        "He'll need to mail a signed cancellation letter.",
        "I'm blocking the card now.",
        'Will he get a confirmation?',
      ),
      [],
    );
  });
});
