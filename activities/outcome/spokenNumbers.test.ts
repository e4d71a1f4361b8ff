import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { numberWords, readCardinal, readCount, readOrdinal } from './spokenNumbers.js';

const cardinal = (text: string) => readCardinal(numberWords(text), 0);

describe('numbers said as words', () => {
  it('reads cardinals with hundreds, thousands and "and"', () => {
    assert.deepEqual(cardinal('two hundred and fifty dollars'), { value: 250, used: 4 });
    assert.deepEqual(cardinal('one hundred eighteen'), { value: 118, used: 3 });
    assert.deepEqual(cardinal('twelve hundred customers'), { value: 1200, used: 2 });
    assert.deepEqual(cardinal('a hundred and twenty-five bucks'), { value: 125, used: 5 });
    assert.deepEqual(cardinal('one thousand eight hundred forty'), { value: 1840, used: 5 });
    assert.equal(cardinal('dollars'), null);
  });

  it('reads days of the month as ordinals', () => {
    assert.equal(readOrdinal(numberWords('seventh'), 0)?.value, 7);
    assert.equal(readOrdinal(numberWords('twenty-first'), 0)?.value, 21);
    assert.equal(readOrdinal(numberWords('14th'), 0)?.value, 14);
    assert.equal(readOrdinal(numberWords('seven'), 0), null);
  });

  it('reads counts in durations', () => {
    assert.equal(readCount('forty-eight'), 48);
    assert.equal(readCount('48'), 48);
    assert.equal(readCount('a'), 1);
    assert.equal(readCount('several'), null);
  });
});
