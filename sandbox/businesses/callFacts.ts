import { createHash } from 'node:crypto';
import type { FactSpec } from './businessScript.js';
import { addDays, localTime } from './localTime.js';

/** A deterministic stream of numbers in [0, 1) (mulberry32) seeded from any text. */
export function seededRandom(seedText: string): () => number {
  let state = createHash('sha256').update(seedText).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A whole number in [min, max], drawn from `random`. */
export function randomWithin([min, max]: readonly [number, number], random: () => number): number {
  return min + Math.floor(random() * (max - min + 1));
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Fills a pattern: `#` becomes a digit, `@` a capital letter, anything else stays. */
function fillPattern(pattern: string, random: () => number): string {
  return [...pattern]
    .map((character) => {
      if (character === '#') return String(Math.floor(random() * 10));
      if (character === '@') return LETTERS[Math.floor(random() * LETTERS.length)];
      return character;
    })
    .join('');
}

/** A fact as recorded (`value`: "2025-03-06", "42.17") and as said on the phone (`spoken`). */
export interface Fact {
  value: string;
  spoken: string;
}

export interface FactContext {
  now: Date;
  timeZone: string;
  language: 'en' | 'es';
}

const CURRENCY_WORDS: Record<string, Record<FactContext['language'], [string, string]>> = {
  USD: { en: ['dollars', 'cents'], es: ['dólares', 'centavos'] },
  EUR: { en: ['euros', 'cents'], es: ['euros', 'céntimos'] },
};
export const CURRENCIES = Object.keys(CURRENCY_WORDS);

function spokenDate(isoDate: string, language: FactContext['language']): string {
  const locale = language === 'es' ? 'es-ES' : 'en-US';
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' }).format(new Date(`${isoDate}T12:00:00Z`));
}

function makeFact(spec: FactSpec, random: () => number, context: FactContext): Fact {
  switch (spec.kind) {
    case 'pattern': {
      const value = fillPattern(spec.pattern, random);
      return { value, spoken: value };
    }
    case 'oneOf': {
      const value = spec.values[Math.floor(random() * spec.values.length)];
      return { value, spoken: value };
    }
    case 'date': {
      const value = addDays(localTime(context.now, context.timeZone).date, randomWithin(spec.daysAhead, random), spec.businessDays);
      return { value, spoken: spokenDate(value, context.language) };
    }
    case 'amount': {
      const [min, max] = spec.range;
      const cents = Math.round(min * 100) + Math.floor(random() * (Math.round((max - min) * 100) + 1));
      const [units, hundredths] = CURRENCY_WORDS[spec.currency][context.language];
      const whole = Math.floor(cents / 100);
      const rest = cents % 100;
      const joiner = context.language === 'es' ? 'con' : 'and';
      return { value: (cents / 100).toFixed(2), spoken: rest === 0 ? `${whole} ${units}` : `${whole} ${units} ${joiner} ${rest} ${hundredths}` };
    }
  }
}

/** One call's facts; the same seed always yields the same facts (drawn in the order they are listed). */
export function makeFacts(specs: Readonly<Record<string, FactSpec>>, seedText: string, context: FactContext): Record<string, Fact> {
  const random = seededRandom(seedText);
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, makeFact(spec, random, context)]));
}

const PLACEHOLDER = /\{(\w+)(:spelled)?\}/g;

/** The facts a line mentions. */
export function factNamesIn(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

/**
 * Fills {name} and {name:spelled} placeholders. Spelled facts are said a character at a time
 * ("A C M 4 8 2 1 3"), the way representatives read codes out.
 */
export function renderLine(template: string, facts: Readonly<Record<string, Fact>>): string {
  return template.replace(PLACEHOLDER, (_match, name: string, spelled: string | undefined) => {
    const fact = facts[name];
    if (fact === undefined) throw new Error(`line uses unknown fact {${name}}: ${template}`);
    return spelled ? [...fact.value].join(' ') : fact.spoken;
  });
}
