// Spelling a value out so it can be written down: one character at a time, a pause between words,
// symbols named. Letters are capitals because a speech synthesizer reads a lone "a" as the article.

/** "jane.doe@example.com" -> "J A N E dot D O E at E X A M P L E dot C O M". */
export function spellValue(value: string, symbols: Readonly<Record<string, string>>): string {
  const pieces: string[] = [];
  for (const chunk of value.trim().split(/\s+/)) {
    const spelled = [...chunk]
      .map((char) => symbols[char] ?? (/[\p{L}\p{N}]/u.test(char) ? char.toUpperCase() : ''))
      .filter(Boolean)
      .join(' ');
    if (spelled) pieces.push(spelled);
  }
  return pieces.join(', ');
}

/** Digits said one by one so they are not heard as a large number; words stay as they are. */
export function sayDigitsSlowly(value: string): string {
  return value.replace(/\d+/g, (run) => run.split('').join(' '));
}
