import type { TranscriptLine } from '../../db/calls.js';

/** One sentence the company's side said, cut into clauses so "X will happen, and I will do Y" reads as two statements. */
export interface Statement {
  sentence: string;
  clauses: string[];
  /** Index of the transcript line it came from. */
  line: number;
}

const ABBREVIATION = /\b(?:Dr|Mr|Mrs|Ms|St|Jr|Sr|vs|No)\.$/;
const CLAUSE_BREAK =
  /\s*;\s*|,?\s+(?:and|so|but)\s+(?=(?:I|I'll|I've|I'm|we|we'll|we're|you|you'll|he|he'll|she|she'll|they|it|the|a|an|our|your|there's|there)\b)/i;

export function sentencesOf(text: string): string[] {
  const pieces = text.trim().split(/(?<=[.!?])\s+(?=[A-Z0-9¿¡"“])/);
  const sentences: string[] = [];
  for (const piece of pieces) {
    const last = sentences.length - 1;
    if (last >= 0 && ABBREVIATION.test(sentences[last])) sentences[last] += ` ${piece}`;
    else sentences.push(piece);
  }
  return sentences.filter(Boolean);
}

export function clausesOf(sentence: string): string[] {
  return sentence.split(CLAUSE_BREAK).map((c) => c.trim()).filter(Boolean);
}

/** What IVR prompts and representatives said: the only side whose words count as the company's answer. */
export function companyStatements(transcript: TranscriptLine[]): Statement[] {
  return transcript.flatMap((l, line) =>
    l.speaker === 'callee' ? sentencesOf(l.text).map((sentence) => ({ sentence, clauses: clausesOf(sentence), line })) : [],
  );
}
