import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAmounts } from './moneyAmounts.js';

const values = (sentence: string) => findAmounts(sentence).map((a) => [a.value, a.currency]);

describe('money amounts in what was said', () => {
  it('reads amounts written with a symbol or a currency word', () => {
    assert.deepEqual(values('The approved amount is $3,450 after the $500 deductible.'), [[3450, 'USD'], [500, 'USD']]);
    assert.deepEqual(values('which comes to $621.00, or 25 euros'), [[621, 'USD'], [25, 'EUR']]);
  });

  it('reads amounts said in words, with cents', () => {
    assert.deepEqual(values('I see the bill for four hundred twelve dollars and sixteen cents.'), [[412.16, 'USD']]);
    assert.deepEqual(values('a travel voucher of two hundred and fifty dollars'), [[250, 'USD']]);
    assert.deepEqual(values('an old balance of a hundred and twenty-five bucks'), [[125, 'USD']]);
  });

  it('reads bare prices ("seven ninety-nine") when the sentence is about money', () => {
    assert.deepEqual(values("that's seven ninety-nine a month instead of fifteen ninety-eight."), [[7.99, 'USD'], [15.98, 'USD']]);
    assert.deepEqual(values('so one fifty-two thirty-one total.'), [[152.31, 'USD']]);
    assert.deepEqual(values('The copay is twelve fifty.'), [[12.5, 'USD']]);
  });

  it('does not mistake codes, counts, times or percentages for money', () => {
    assert.deepEqual(values('Your ticket number is four four one seven double five two.'), []);
    assert.deepEqual(values('That outage is affecting about twelve hundred customers.'), []);
    assert.deepEqual(values('The technician arrives at two thirty and there is no charge.'), []);
    assert.deepEqual(values('a fee of 75 percent of the remaining balance, departing at 2:15 PM'), []);
  });
});
