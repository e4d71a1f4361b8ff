// Sentence-level reading of what the representative said: where one sentence ends, and whether a
// sentence asks us for something.

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.?!])\s+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

const REQUEST_CUE =
  /\b(?:(?:can|could|may) (?:i|you|we) (?:please )?(?:have|get|grab|take|provide|confirm|verify|give|tell|spell|read)|what(?:'s| is| was) (?:your|the)|please (?:provide|confirm|verify|state|spell|give)|i(?:'ll| will)? need (?:your|the))\b/i;

/** A question, or a request phrased as a statement ("I'll need your account number."). */
export function isRequest(sentence: string): boolean {
  return sentence.trimEnd().endsWith('?') || REQUEST_CUE.test(sentence);
}

const WH_QUESTION = /^(?:\w+,\s*)?(?:what|which|when|where|who|whose|how|why)\b/i;

/** A request for a piece of information, as opposed to a yes/no question ("Is that right?"). */
export function asksForInformation(sentence: string): boolean {
  return REQUEST_CUE.test(sentence) || (sentence.trimEnd().endsWith('?') && WH_QUESTION.test(sentence.trim()));
}

/** Lower-case words without punctuation, e.g. "What's the account #?" -> ["what's", "the", "account"]. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
}
