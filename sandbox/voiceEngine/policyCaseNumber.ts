// Finds a case/reference number in what a representative said. Representatives spell these out
// ("A C M 4 8 2 1 3", "four eight two", "A-C-M", "cuatro ocho dos"), so the code is rebuilt from a
// run of single letters and digits that follows the announcing phrase, in English or Spanish.
import { foldAccents } from './policySentences.js';

const DIGIT_WORDS: Record<string, string> = {
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4',
  five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  cero: '0', uno: '1', dos: '2', tres: '3', cuatro: '4', cinco: '5', seis: '6', siete: '7', ocho: '8', nueve: '9',
};

const ANNOUNCEMENT =
  /\b(?:(?:case|reference|ticket|confirmation|claim|incident|tracking|complaint|order|review|request|dispute|appeal|authori[sz]ation|booking|reservation|report|work order|service order)\s*(?:number|no\.?|#|id|code)?\s*(?:is|will be|would be|:)?|(?:numero de )?(?:caso|referencia|ticket|reporte|folio|seguimiento|confirmacion|reclamo|incidencia)\s*(?:es|sera|:)?)\s*/gi;

const MIN_LENGTH = 3;

function codePiece(token: string): string | null {
  const lower = token.toLowerCase();
  if (DIGIT_WORDS[lower]) return DIGIT_WORDS[lower];
  if (/^[a-z0-9]$/i.test(token)) return token.toUpperCase();
  // An already-joined code such as "ACM48213", a digit group such as "4821", or a capitalised prefix "ACM".
  if (/^[a-z0-9]+$/i.test(token) && /\d/.test(token)) return token.toUpperCase();
  if (/^[A-Z]{2,4}$/.test(token)) return token;
  return null;
}

function codeAfter(text: string): string | null {
  const pieces: string[] = [];
  // A sentence-ending period stops the run; dashes and commas between characters do not.
  for (const token of text.split(/(\.\s|\.$|[\s,-]+)/)) {
    if (token === undefined || /^[\s,-]*$/.test(token)) continue;
    if (token.startsWith('.')) break;
    const piece = codePiece(token);
    if (piece === null) break;
    pieces.push(piece);
  }
  const code = pieces.join('');
  return code.length >= MIN_LENGTH && /\d/.test(code) ? code : null;
}

/** The code spoken after e.g. "your case number is", joined ("ACM48213"), or null if none was heard. */
export function findCaseNumber(heard: string): string | null {
  const plain = foldAccents(heard);
  for (const announced of plain.matchAll(ANNOUNCEMENT)) {
    const code = codeAfter(plain.slice(announced.index + announced[0].length));
    if (code) return code;
  }
  return null;
}

/** How the agent spells a code back so the representative can check it: "A C M 4 8 2 1 3". */
export function spellOut(code: string): string {
  return code.split('').join(' ');
}
