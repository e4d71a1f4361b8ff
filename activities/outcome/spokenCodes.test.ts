import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSpokenCode } from './spokenCodes.js';

describe('reading codes as representatives say them', () => {
  it('joins letters and digits said one by one, or written compactly', () => {
    assert.equal(readSpokenCode('A C M 4 8 2 1 3. A refund will follow.'), 'ACM48213');
    assert.equal(readSpokenCode('ACM-48213, and'), 'ACM48213');
    assert.equal(readSpokenCode('1 Z 8 8 0 2 X 4.'), '1Z8802X4');
  });

  it('reads digits said as words, in English or Spanish, with "oh" for zero', () => {
    assert.equal(readSpokenCode('four eight two one, got it?'), '4821');
    assert.equal(readSpokenCode('four four one seven two oh. Goodbye.'), '441720');
    assert.equal(readSpokenCode('S W siete tres uno ocho. That is all.'), 'SW7318');
  });

  it('expands "double" and "triple"', () => {
    assert.equal(readSpokenCode('four four one seven double five two.'), '4417552');
    assert.equal(readSpokenCode('triple seven oh two double nine.'), '7770299');
    assert.equal(readSpokenCode('5 double oh 7 3 1.'), '500731');
  });

  it('reads the NATO alphabet, including "niner", and "D as in David"', () => {
    assert.equal(readSpokenCode('Quebec seven X-ray two Papa Lima.'), 'Q7X2PL');
    assert.equal(readSpokenCode('Sierra Tango four niner seven two. Funds go back'), 'ST4972');
    assert.equal(readSpokenCode('D as in David, 7, 7, 1, 9, 3. Our fraud team'), 'D77193');
  });

  it('skips spoken dashes and starts over after a correction', () => {
    assert.equal(readSpokenCode('2 0 2 6 dash 0 3 dash 4 4 1 7.'), '2026034417');
    assert.equal(readSpokenCode('A C M 7 ... sorry, A C M 7 1 0 6 6.'), 'ACM71066');
  });

  it('accepts a code of spelled letters only when it is long enough to be one', () => {
    assert.equal(readSpokenCode('Kilo Lima Mike November Oscar.'), 'KLMNO');
    assert.equal(readSpokenCode('Alpha Bravo.'), null);
  });

  it('finds nothing in ordinary words', () => {
    assert.equal(readSpokenCode('going to be sent by email'), null);
    assert.equal(readSpokenCode('for a fee reversal.'), null);
    assert.equal(readSpokenCode('?'), null);
  });
});
