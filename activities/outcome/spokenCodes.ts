const DIGIT_WORDS: Record<string, string> = {
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5',
  six: '6', seven: '7', eight: '8', nine: '9',
};

/**
 * Reads a code as a representative spells it ("A C M, 4 8 2 1 3", "alpha-4821", "four eight two")
 * and returns it compact and upper-case ("ACM48213"), or null when no code-like run of tokens follows.
 */
export function readSpokenCode(text: string): string | null {
  const sentence = text.split(/[.!?](?:\s|$)/)[0];
  const tokens = sentence.split(/[\s,;:]+/).filter(Boolean);
  let code = '';
  for (const raw of tokens) {
    const token = raw.toLowerCase().replace(/[^a-z0-9-]/g, '');
    if (!token) break;
    if (DIGIT_WORDS[token] !== undefined) code += DIGIT_WORDS[token];
    else if (/^[a-z0-9]$/.test(token)) code += token;
    else if (/^(?=.*\d)[a-z0-9-]{2,}$/.test(token)) code += token.replace(/-/g, '');
    else if (code.length === 0 && /^[a-z]{2,4}$/.test(token) && raw === raw.toUpperCase()) code += token;
    else break;
  }
  code = code.toUpperCase();
  return code.length >= 3 && /\d/.test(code) ? code : null;
}
