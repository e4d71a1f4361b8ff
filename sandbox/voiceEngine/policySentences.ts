// Sentence-level reading of what the other side said (English or Spanish): where one sentence ends,
// and whether a sentence asks us for something.

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.?!;])\s+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

const REQUEST_CUE = new RegExp(
  [
    "(?:can|could|may) (?:i|you|we) (?:please )?(?:have|get|grab|take|provide|confirm|verify|give|tell|spell|read)",
    "what(?:'s| is| was) (?:your|the)",
    "please (?:provide|confirm|verify|state|spell|give|tell me|say|read|enter|key in)",
    "i(?:'ll| will)? (?:just )?need (?:to (?:get|verify|confirm) )?(?:your|the)",
    'cual es (?:su|el|la)',
    'me (?:puede|podria) (?:dar|decir|confirmar|proporcionar|indicar|deletrear)',
    'necesito (?:su|el|la)',
    'por favor,? (?:indique|confirme|diga|proporcione|deletree)',
  ]
    .map((cue) => `\\b${cue}`)
    .join('|'),
  'i',
);

const WH_QUESTION = /^¿?\s*(?:\w+,\s*)?(?:what|which|when|where|who|whose|how|why|que|cual|cuando|donde|quien|como)\b/i;

/** A request for a piece of information, as opposed to a yes/no question ("Is that right?"). */
export function asksForInformation(sentence: string): boolean {
  const trimmed = sentence.trim();
  const plain = plainText(trimmed);
  return REQUEST_CUE.test(plain) || (trimmed.endsWith('?') && WH_QUESTION.test(plain));
}

/**
 * Without accents ("facturación" -> "facturacion"), so cues are written once in plain ASCII and `\b`
 * works around Spanish letters. Same length as `text.normalize('NFC')` for Latin accents, so an index
 * found in the folded text points at the same place in the original.
 */
export function foldAccents(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\u0000-\u007f]/g, (char) => char.normalize('NFD').replace(/\p{M}/gu, '').slice(0, 1) || char);
}

/** Accent-folded lower case with straight apostrophes: the form every cue pattern is written for. */
export function plainText(text: string): string {
  return foldAccents(text.replace(/[‘’]/g, "'")).toLowerCase();
}

/** Lower-case words without punctuation or accents, e.g. "What's the account #?" -> ["what's", "the", "account"]. */
export function words(text: string): string[] {
  return foldAccents(text).toLowerCase().match(/[a-z0-9']+/g) ?? [];
}
