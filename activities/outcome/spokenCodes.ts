const DIGIT_WORDS: Record<string, string> = {
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', niner: '9',
  // Spanish-speaking representatives read codes in Spanish too.
  cero: '0', uno: '1', dos: '2', tres: '3', cuatro: '4', cinco: '5', seis: '6', siete: '7', ocho: '8', nueve: '9',
};
const NATO: Record<string, string> = {
  alpha: 'A', alfa: 'A', bravo: 'B', charlie: 'C', delta: 'D', echo: 'E', foxtrot: 'F', golf: 'G', hotel: 'H',
  india: 'I', juliet: 'J', juliett: 'J', kilo: 'K', lima: 'L', mike: 'M', november: 'N', oscar: 'O', papa: 'P',
  quebec: 'Q', romeo: 'R', sierra: 'S', tango: 'T', uniform: 'U', victor: 'V', whiskey: 'W', whisky: 'W',
  'x-ray': 'X', xray: 'X', yankee: 'Y', zulu: 'Z',
};
const REPEATS: Record<string, number> = { double: 2, triple: 3 };
const SEPARATORS = new Set(['dash', 'hyphen', 'slash']);
/** Words after which a representative starts the code again ("A C M 7... sorry, A C M 7 1 0 6 6"). */
const RESTARTS = new Set(['sorry', 'correction', 'rather']);

/** One spoken symbol: a digit or letter, however it was said, or null when the token is not part of a code. */
function symbolOf(token: string): string | null {
  if (DIGIT_WORDS[token] !== undefined) return DIGIT_WORDS[token];
  if (NATO[token] !== undefined) return NATO[token];
  if (/^[a-z0-9]$/.test(token)) return token.toUpperCase();
  return null;
}

/**
 * Reads a code as a representative spells it ("A C M, 4 8 2 1 3", "Quebec seven X-ray two", "D as in David 7 7",
 * "four four one seven double five", "2026 dash 03") and returns it compact and upper-case ("ACM48213"), or null
 * when no code-like run of tokens follows.
 */
export function readSpokenCode(text: string): string | null {
  const sentence = text.replace(/\.{2,}|…/g, ' ').split(/[.!?](?:\s|$)/)[0];
  const tokens = sentence.split(/[\s,;:]+/).map((raw) => ({ raw, token: raw.toLowerCase().replace(/[^a-z0-9-]/g, '') })).filter((t) => t.token);
  let code = '';
  let spelledLetters = 0;
  for (let i = 0; i < tokens.length; i++) {
    const { raw, token } = tokens[i];
    if (SEPARATORS.has(token) && code) continue;
    if (RESTARTS.has(token) && code) {
      code = '';
      spelledLetters = 0;
      continue;
    }
    const repeat = REPEATS[token];
    const repeated = repeat ? symbolOf(tokens[i + 1]?.token ?? '') : null;
    if (repeat && repeated) {
      code += repeated.repeat(repeat);
      i++;
      continue;
    }
    const symbol = symbolOf(token);
    if (symbol) {
      code += symbol;
      if (/[A-Z]/.test(symbol)) spelledLetters++;
      // "D as in David": the example word only confirms the letter.
      if (tokens[i + 1]?.token === 'as' && tokens[i + 2]?.token === 'in' && tokens[i + 3]) i += 3;
      continue;
    }
    if (/^(?=.*\d)[a-z0-9-]{2,}$/.test(token)) code += token.replace(/-/g, '').toUpperCase();
    else if (code.length === 0 && /^[a-z]{2,4}$/.test(token) && raw === raw.toUpperCase()) code += token.toUpperCase();
    else break;
  }
  const hasDigit = /\d/.test(code);
  return (hasDigit && code.length >= 3) || (!hasDigit && spelledLetters >= 5) ? code : null;
}
