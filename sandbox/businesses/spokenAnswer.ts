import type { SlotKind } from './businessScript.js';

/**
 * Reading a caller's recognized words the way a representative or a speech IVR would: keyword spotting,
 * numbers said as digits or words, dates and yes/no, in English and Spanish.
 */

/** Lower case, accents and punctuation dropped: "¿Sí, señor?" -> "si senor". */
export function normalizeSpeech(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether a word or phrase occurs in the text as whole words. */
export function mentions(text: string, phrase: string): boolean {
  const wanted = normalizeSpeech(phrase);
  return wanted.length > 0 && ` ${normalizeSpeech(text)} `.includes(` ${wanted} `);
}

export function mentionsAny(text: string, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => mentions(text, phrase));
}

const DIGIT_WORDS: Record<string, string> = {
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  cero: '0', uno: '1', una: '1', dos: '2', tres: '3', cuatro: '4', cinco: '5', seis: '6', siete: '7', ocho: '8', nueve: '9',
};

/** Every digit said, in order: "4417 two two nine oh" -> "441722290". */
export function spokenDigits(text: string): string {
  return normalizeSpeech(text)
    .split(' ')
    .map((word) => (/^\d+$/.test(word) ? word : (DIGIT_WORDS[word] ?? '')))
    .join('');
}

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
};
const FILLER = new Set(['of', 'the', 'de', 'del']);

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const dayNumber = (word: string | undefined) => (word && /^\d{1,2}(st|nd|rd|th)?$/.test(word) ? parseInt(word, 10) : null);
const yearNumber = (word: string | undefined) => (word && /^\d{4}$/.test(word) ? Number(word) : null);

/**
 * The first full date said, as YYYY-MM-DD: "March 4, 1985", "4th of March 1985", "4 de marzo de 1985",
 * "03/04/1985" (month first) or "1985-03-04".
 */
export function spokenDate(text: string): string | null {
  const numeric = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(text) ?? null;
  if (numeric) return isoDate(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  const slashed = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
  if (slashed) return isoDate(Number(slashed[3]), Number(slashed[1]), Number(slashed[2]));
  const words = normalizeSpeech(text).split(' ').filter((word) => !FILLER.has(word));
  for (let i = 0; i < words.length; i++) {
    const month = MONTHS[words[i]];
    if (!month) continue;
    const dayAfter = dayNumber(words[i + 1]);
    const yearAfterDay = yearNumber(words[i + 2]);
    if (dayAfter !== null && yearAfterDay !== null) return isoDate(yearAfterDay, month, dayAfter);
    const dayBefore = dayNumber(words[i - 1]);
    const year = yearNumber(words[i + 1]);
    if (dayBefore !== null && year !== null) return isoDate(year, month, dayBefore);
  }
  return null;
}

const YES = ['yes', 'yeah', 'yep', 'correct', 'that is right', 'thats right', 'speaking', 'i am', 'it is', 'si', 'claro', 'correcto', 'soy yo'];
const NO = ['no', 'nope', 'not', 'negative'];
/** Someone answering for another person is not them, whatever else they say ("Yes, I am calling on behalf of..."). */
const THIRD_PARTY = ['on behalf', 'calling for', 'assistant', 'en nombre', 'de parte'];

/** "yes" or "no" by whichever cue comes first, or null when neither was said. */
export function spokenYesNo(text: string): 'yes' | 'no' | null {
  if (mentionsAny(text, THIRD_PARTY)) return 'no';
  const spoken = ` ${normalizeSpeech(text)} `;
  const first = (cues: string[]) => Math.min(...cues.map((cue) => spoken.indexOf(` ${cue} `)).filter((index) => index >= 0));
  const yes = first(YES);
  const no = first(NO);
  if (yes === Infinity && no === Infinity) return null;
  return yes < no ? 'yes' : 'no';
}

const DIGIT_KINDS: ReadonlySet<SlotKind> = new Set(['digits', 'account-number', 'zip', 'last-4', 'phone']);

/** What the caller's answer gives for a slot, or null when it holds nothing of that kind. */
export function slotValue(kind: SlotKind, text: string): string | null {
  if (DIGIT_KINDS.has(kind)) {
    const digits = spokenDigits(text);
    // "The last four are 2290": the count said before the digits is not one of them.
    return (kind === 'last-4' ? digits.slice(-4) : digits) || null;
  }
  if (kind === 'date' || kind === 'date-of-birth') return spokenDate(text);
  if (kind === 'yes-no') return spokenYesNo(text);
  return text.trim() || null;
}

/**
 * Whether an answer passes the check against any of the expected values. Digits may be embedded in a
 * longer run ("the last four are 2290"); names need every expected word; text needs any expected phrase.
 */
export function slotMatches(kind: SlotKind, value: string | null, expected: readonly string[]): boolean {
  if (value === null) return false;
  return expected.some((wanted) => {
    if (DIGIT_KINDS.has(kind)) {
      const digits = spokenDigits(wanted);
      return value.includes(kind === 'phone' ? digits.slice(-10) : digits);
    }
    if (kind === 'name') return normalizeSpeech(wanted).split(' ').every((word) => mentions(value, word));
    if (kind === 'text') return mentions(value, wanted);
    if (kind === 'yes-no') return value === normalizeSpeech(wanted);
    return value === wanted;
  });
}
