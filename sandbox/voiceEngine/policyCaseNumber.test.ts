import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCaseNumber, spellOut } from './policyCaseNumber.js';

test('joins a case number spelled out letter by letter', () => {
  assert.equal(findCaseNumber('Your case number is A C M 4 8 2 1 3.'), 'ACM48213');
});

test('stops at the end of the sentence that carries the number', () => {
  assert.equal(findCaseNumber('Your case number is A C M 4 8 2 1 3. You will get 2 emails.'), 'ACM48213');
});

test('understands digits spoken as words and dashes between groups', () => {
  assert.equal(findCaseNumber('The ticket number is four eight two one.'), '4821');
  assert.equal(findCaseNumber('Reference: ACM-48213, please keep it.'), 'ACM48213');
});

test('skips an announcing word that is not followed by a code', () => {
  assert.equal(findCaseNumber('I opened a ticket for you. The ticket number is 7 7 1 2.'), '7712');
});

test('understands codes announced by other names, and in Spanish', () => {
  assert.equal(findCaseNumber('The review number is N W 3 6 1 1 4 6 0.'), 'NW3611460');
  assert.equal(findCaseNumber('Your service order number is S O 3 6 1 1 4 6.'), 'SO361146');
  assert.equal(findCaseNumber('Su número de caso es T S cuatro dos uno.'), 'TS421');
});

test('finds nothing in ordinary speech', () => {
  assert.equal(findCaseNumber('Thank you for calling Acme Telecom, how can I help you?'), null);
  assert.equal(findCaseNumber('Your order is on its way.'), null);
});

test('spells a code back one character at a time', () => {
  assert.equal(spellOut('ACM48213'), 'A C M 4 8 2 1 3');
});
