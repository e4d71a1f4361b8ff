/** Numbers as people say them: "two hundred and fifty", "forty-eight", "twenty-first". */

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
};

export interface NumberRead { value: number; used: number }

/** Lower-case words with hyphenated numbers split ("Forty-two," -> ["forty", "two"]); punctuation dropped. */
export function numberWords(text: string): string[] {
  return text.toLowerCase().split(/[\s-]+/).map((w) => w.replace(/[^a-z0-9.,$']/g, '').replace(/[.,]+$/, '')).filter(Boolean);
}

export const isNumberWord = (word: string): boolean =>
  word in SMALL || word in TENS || word === 'hundred' || word === 'thousand' || /^\d+$/.test(word);

/** 0..99: "seven", "fifteen", "forty two", "forty" or digits. */
export function readBelowHundred(words: string[], at: number): NumberRead | null {
  const word = words[at];
  if (word === undefined) return null;
  if (/^\d{1,2}$/.test(word)) return { value: Number(word), used: 1 };
  if (word in SMALL) return { value: SMALL[word], used: 1 };
  if (!(word in TENS)) return null;
  const unit = SMALL[words[at + 1] ?? ''];
  return unit >= 1 && unit <= 9 ? { value: TENS[word] + unit, used: 2 } : { value: TENS[word], used: 1 };
}

function readBelowThousand(words: string[], at: number): NumberRead | null {
  const lead = words[at] === 'a' && words[at + 1] === 'hundred' ? { value: 1, used: 1 } : readBelowHundred(words, at);
  if (!lead) return null;
  if (words[at + lead.used] !== 'hundred' || lead.value === 0) return lead;
  let used = lead.used + 1;
  const skipAnd = words[at + used] === 'and' ? 1 : 0;
  const rest = readBelowHundred(words, at + used + skipAnd);
  if (rest) used += skipAnd + rest.used;
  return { value: lead.value * 100 + (rest?.value ?? 0), used };
}

/** A cardinal number in words starting at `at` ("one hundred eighteen", "twelve hundred", "a thousand and five"). */
export function readCardinal(words: string[], at: number): NumberRead | null {
  const lead = words[at] === 'a' && words[at + 1] === 'thousand' ? { value: 1, used: 1 } : readBelowThousand(words, at);
  if (!lead) return null;
  if (words[at + lead.used] !== 'thousand') return lead;
  let used = lead.used + 1;
  const skipAnd = words[at + used] === 'and' ? 1 : 0;
  const rest = readBelowThousand(words, at + used + skipAnd);
  if (rest) used += skipAnd + rest.used;
  return { value: lead.value * 1000 + (rest?.value ?? 0), used };
}

/** A day of the month said as an ordinal: "seventh", "twenty first", "7th", "21st". */
export function readOrdinal(words: string[], at: number): NumberRead | null {
  const word = words[at] ?? '';
  const digits = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(word);
  if (digits) return { value: Number(digits[1]), used: 1 };
  if (word in ORDINALS) return { value: ORDINALS[word], used: 1 };
  const unit = ORDINALS[words[at + 1] ?? ''];
  return word in TENS && unit >= 1 && unit <= 9 ? { value: TENS[word] + unit, used: 2 } : null;
}

/** A count said in digits or words ("48", "forty-eight", "a", "an"), as used in durations. */
export function readCount(text: string): number | null {
  const words = numberWords(text);
  if (words.length === 1 && (words[0] === 'a' || words[0] === 'an')) return 1;
  if (words.length === 1 && /^\d+$/.test(words[0])) return Number(words[0]);
  const read = readCardinal(words, 0);
  return read && read.used === words.length ? read.value : null;
}
