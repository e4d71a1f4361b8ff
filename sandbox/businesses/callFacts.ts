import { createHash } from 'node:crypto';

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

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Fills a pattern: `#` becomes a digit, `@` a capital letter, anything else stays. */
export function fillPattern(pattern: string, random: () => number): string {
  return [...pattern]
    .map((character) => {
      if (character === '#') return String(Math.floor(random() * 10));
      if (character === '@') return LETTERS[Math.floor(random() * LETTERS.length)];
      return character;
    })
    .join('');
}

/** One call's facts; the same seed always yields the same facts (in the order the patterns are listed). */
export function makeFacts(patterns: Record<string, string>, seedText: string): Record<string, string> {
  const random = seededRandom(seedText);
  return Object.fromEntries(Object.entries(patterns).map(([name, pattern]) => [name, fillPattern(pattern, random)]));
}

/**
 * Fills {name} and {name:spelled} placeholders. Spelled facts are said a character at a time
 * ("A C M 4 8 2 1 3"), the way representatives read codes out.
 */
export function renderLine(template: string, facts: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)(:spelled)?\}/g, (_match, name: string, spelled: string | undefined) => {
    const value = facts[name];
    if (value === undefined) throw new Error(`line uses unknown fact {${name}}: ${template}`);
    return spelled ? [...value].join(' ') : value;
  });
}
