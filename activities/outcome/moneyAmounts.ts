import { isNumberWord, numberWords, readBelowHundred, readCardinal } from './spokenNumbers.js';

export interface MoneyAmount { value: number; currency: string; context: string }

const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', bucks: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', peso: 'MXN', pesos: 'MXN',
};
const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP' };
const SYMBOL_AMOUNT = /([$€£])\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/g;
const DIGITS_WITH_WORD = /\b(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s+(dollars?|bucks|euros?|pounds?|pesos?)\b/gi;
/** Prices said bare ("seven ninety-nine", "twelve fifty") only count where the sentence is about money. */
const MONEY_TALK = /\b(price|cost|costs|copay|co-pay|fee|charge|total|balance|bill|payment|refund|credit|deposit|rate|a month|per month|a year|instead of)\b/i;
const TIME_BEFORE = new Set(['at', 'by', 'around', 'after', 'before', 'until', 'from']);

const round = (n: number): number => Math.round(n * 100) / 100;

/** Money the sentence states, in digits ("$3,450", "49 dollars") or words ("two hundred and fifty dollars", "twelve fifty"). */
export function findAmounts(sentence: string): MoneyAmount[] {
  const found: MoneyAmount[] = [];
  for (const m of sentence.matchAll(SYMBOL_AMOUNT)) {
    found.push({ value: round(Number(m[2].replace(/,/g, '')) + Number(`0.${m[3] ?? 0}`)), currency: SYMBOLS[m[1]], context: sentence });
  }
  for (const m of sentence.matchAll(DIGITS_WITH_WORD)) {
    if (/[$€£]\s?$/.test(sentence.slice(0, m.index))) continue;
    found.push({ value: round(Number(m[1].replace(/,/g, '')) + Number(`0.${m[2] ?? 0}`)), currency: CURRENCY_WORDS[m[3].toLowerCase()], context: sentence });
  }
  found.push(...amountsInWords(sentence));
  return found;
}

function amountsInWords(sentence: string): MoneyAmount[] {
  const words = numberWords(sentence);
  const found: MoneyAmount[] = [];
  for (let i = 0; i < words.length; i++) {
    if (/^\d/.test(words[i]) || (i > 0 && isNumberWord(words[i - 1]))) continue;
    const whole = readCardinal(words, i);
    if (!whole) continue;
    const currency = CURRENCY_WORDS[words[i + whole.used]];
    if (currency) {
      const cents = centsAfter(words, i + whole.used + 1);
      found.push({ value: round(whole.value + cents.value / 100), currency, context: sentence });
      i += whole.used + cents.used;
      continue;
    }
    const bare = barePrice(words, i);
    if (bare && MONEY_TALK.test(sentence) && !TIME_BEFORE.has(words[i - 1] ?? '')) {
      found.push({ value: bare.value, currency: 'USD', context: sentence });
      i += bare.used - 1;
    }
  }
  return found;
}

/** "and forty cents" after the currency word. */
function centsAfter(words: string[], at: number): { value: number; used: number } {
  const skipAnd = words[at] === 'and' ? 1 : 0;
  const cents = readBelowHundred(words, at + skipAnd);
  return cents && /^cents?$/.test(words[at + skipAnd + cents.used] ?? '') ? { value: cents.value, used: skipAnd + cents.used + 1 } : { value: 0, used: 0 };
}

/**
 * Dollars then cents with no currency word: "seven ninety-nine" (7.99), "one fifty-two thirty-one" (152.31).
 * The whole run of number words must be used, so spelled codes ("four four one seven") never read as prices.
 */
function barePrice(words: string[], at: number): { value: number; used: number } | null {
  let end = at;
  while (end < words.length && isNumberWord(words[end])) end++;
  const runLength = end - at;
  const hundreds = readBelowHundred(words, at);
  if (!hundreds) return null;
  const second = readBelowHundred(words, at + hundreds.used);
  if (!second || second.value < 10) return null;
  const third = readBelowHundred(words, at + hundreds.used + second.used);
  if (third && third.value >= 10 && hundreds.value <= 9 && hundreds.used + second.used + third.used === runLength) {
    return { value: round(hundreds.value * 100 + second.value + third.value / 100), used: runLength };
  }
  if (hundreds.used + second.used === runLength) return { value: round(hundreds.value + second.value / 100), used: runLength };
  return null;
}
