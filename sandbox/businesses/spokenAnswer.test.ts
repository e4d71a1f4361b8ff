import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mentionsAny, slotMatches, slotValue, spokenDate, spokenDigits, spokenYesNo } from './spokenAnswer.js';

test('keywords match whole words, whatever the case, punctuation or accents', () => {
  assert.ok(mentionsAny('I have a question about my BILL, please.', ['bill']));
  assert.ok(!mentionsAny('I was billed twice', ['bill']));
  assert.ok(mentionsAny('Quiero hablar de la facturacion', ['facturación']));
  assert.ok(mentionsAny("My phone isn't working", ["phone isn't working"]));
});

test('numbers are read from digits and from number words', () => {
  assert.equal(spokenDigits('My account number is 4417 2290.'), '44172290');
  assert.equal(spokenDigits('four four one seven, two two nine oh'), '44172290');
  assert.equal(spokenDigits('cero tres tres cero uno'), '03301');
  assert.equal(slotValue('zip', 'no idea'), null);
});

test('dates are read in the ways people say them', () => {
  for (const said of ['It is July 12, 1984.', '12th of July 1984', 'el 12 de julio de 1984', '07/12/1984', '1984-07-12']) {
    assert.equal(spokenDate(said), '1984-07-12', said);
  }
  assert.equal(spokenDate('sometime in July'), null);
});

test('yes and no, and someone answering for another person is a no', () => {
  assert.equal(spokenYesNo('Yes, speaking.'), 'yes');
  assert.equal(spokenYesNo('No, sorry.'), 'no');
  assert.equal(spokenYesNo("Yes, I'm calling on behalf of Jane Doe."), 'no');
  assert.equal(spokenYesNo('Sí, claro.'), 'yes');
  assert.equal(spokenYesNo('Hmm.'), null);
});

test('checks compare what was said with the expected values', () => {
  assert.ok(slotMatches('account-number', slotValue('account-number', 'Sure, it is 4471 9902.'), ['4471 9902']));
  assert.ok(!slotMatches('account-number', slotValue('account-number', 'It is 4471 9903.'), ['44719902']));
  assert.equal(slotValue('last-4', 'The last four are 2290.'), '2290');
  assert.ok(slotMatches('last-4', slotValue('last-4', 'The last four are 2290.'), ['2290']));
  assert.ok(slotMatches('date-of-birth', slotValue('date-of-birth', 'November 3, 1979'), ['1979-11-03']));
  assert.ok(slotMatches('name', slotValue('name', 'This is jane doe'), ['Jane Doe']));
  assert.ok(!slotMatches('name', slotValue('name', 'This is Jane Smith'), ['Jane Doe']));
  assert.ok(slotMatches('phone', slotValue('phone', 'five five five, one two three, four five six seven'), ['+1 555 123 4567']));
  assert.ok(!slotMatches('zip', null, ['03301']));
});
