/**
 * Estimates which words of a sentence fall in a stretch of its audio, by assuming speech time
 * proportional to letters, with digits read as whole words and pauses at punctuation.
 */

const DIGIT_WEIGHT = 4;
const CLAUSE_PAUSE_WEIGHT = 3; // , ; :
const SENTENCE_PAUSE_WEIGHT = 6; // . ? !

export interface WordTimeline {
  words: string[];
  /** Middle of each word as a fraction (0..1) of the speech. */
  middles: Float64Array;
}

export function wordTimeline(text: string): WordTimeline {
  const words = text.split(/\s+/).filter((word) => word.length > 0);
  const spans: Array<[number, number]> = [];
  let clock = 0;
  for (const word of words) {
    const spoken = spokenWeight(word);
    spans.push([clock, clock + spoken]);
    clock += spoken + pauseAfter(word);
  }
  const total = Math.max(clock - (words.length > 0 ? pauseAfter(words[words.length - 1]) : 0), 1);
  return { words, middles: Float64Array.from(spans, ([from, to]) => (from + to) / 2 / total) };
}

/** Words whose middle lies within [fromFraction, toFraction] of the speech. */
export function wordsBetween(timeline: WordTimeline, fromFraction: number, toFraction: number): string {
  return timeline.words.filter((_, i) => timeline.middles[i] >= fromFraction && timeline.middles[i] <= toFraction).join(' ');
}

function spokenWeight(word: string): number {
  let weight = 0;
  for (const char of word) {
    if (/\p{Nd}/u.test(char)) weight += DIGIT_WEIGHT;
    else if (/\p{L}/u.test(char)) weight += 1;
  }
  return Math.max(weight, 1);
}

function pauseAfter(word: string): number {
  if (/[.?!]["')\]]*$/.test(word)) return SENTENCE_PAUSE_WEIGHT;
  if (/[,;:]["')\]]*$/.test(word)) return CLAUSE_PAUSE_WEIGHT;
  return 1; // the gap between words
}
