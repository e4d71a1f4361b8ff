// Matches a representative's question to the facts the customer allowed us to disclose.
import type { Fact } from './policyBrief.js';
import { isRequest, splitSentences, words } from './policySentences.js';

// Words that cannot identify a fact on their own ("number" alone could be any number).
const TOO_GENERIC = new Set(['number', 'code', 'id', 'date', 'details', 'info', 'information']);
const CONNECTIVES = new Set(['of', 'on', 'the', 'a', 'an', 'for', 'and', 'or', 'to', 'in']);

/**
 * The ways a representative may name a fact: the label and its shorter tails, so "Full name" is
 * also asked for by "your name", while "Account number" needs "account number".
 */
function namesFor(label: string): string[] {
  const labelWords = words(label);
  const names: string[] = [];
  for (let start = 0; start < labelWords.length; start++) {
    const tail = labelWords.slice(start);
    if (start > 0 && CONNECTIVES.has(tail[0])) continue;
    if (tail.every((word) => TOO_GENERIC.has(word) || CONNECTIVES.has(word))) continue;
    names.push(tail.join(' '));
  }
  return names;
}

function mentions(sentence: string, name: string): boolean {
  return ` ${words(sentence).join(' ')} `.includes(` ${name} `);
}

/** The facts asked for in `heard`, in the order the facts are listed. */
export function factsAskedFor(heard: string, facts: readonly Fact[]): Fact[] {
  const requests = splitSentences(heard).filter(isRequest);
  return facts.filter((fact) =>
    namesFor(fact.label).some((name) => requests.some((sentence) => mentions(sentence, name))),
  );
}

export function answerFact(fact: Fact): string {
  return `The ${fact.label.toLowerCase()} is ${fact.value}.`;
}
