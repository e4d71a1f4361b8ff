// Verification questions: answer from the facts the customer allowed us to disclose, say plainly when
// we were not given something (never invent it), and spell or repeat a value on request.
import { factName, factsAskedFor, kindOf } from './policyFacts.js';
import { needOf } from './policyTopics.js';
import { plainText, splitSentences, words } from './policySentences.js';
import { sayDigitsSlowly, spellValue } from './policySpelling.js';
import { saidSoFar, type Rule, type Turn } from './policyTurn.js';

const SPELL = /\b(?:spell|deletre)/;
const REPEAT =
  /\b(?:repeat|say (?:that|it) again|one more time|come again|(?:didn't|did not) (?:catch|get|hear) (?:that|it|the)|repita|repetir|de nuevo|otra vez)\b/;

function spellOrRepeat(turn: Turn): string | null {
  const sentences = splitSentences(turn.heard);
  const spell = sentences.filter((sentence) => SPELL.test(plainText(sentence)));
  const repeat = sentences.filter((sentence) => REPEAT.test(plainText(sentence)));
  if (spell.length === 0 && repeat.length === 0) return null;
  const { phrases, language } = turn;
  const facts = turn.brief?.facts ?? [];
  const named = factsAskedFor([...spell, ...repeat].join(' '), facts).known;
  const lastSaid = saidSoFar(turn.conversation).at(-1) ?? null;
  if (spell.length > 0) {
    // A bare "can you spell that?" means the values we just gave.
    const meant = named.length > 0 ? named : facts.filter((fact) => lastSaid?.includes(fact.value));
    if (meant.length > 0) return phrases.spelled(meant.map((fact) => spellValue(fact.value, phrases.symbols)).join('; '));
  }
  if (named.length > 0) return named.map((fact) => phrases.fact(factName(fact, language), sayDigitsSlowly(fact.value))).join(' ');
  return lastSaid && sayDigitsSlowly(lastSaid);
}

export const answerVerification: Rule = {
  name: 'answerVerification',
  apply(turn) {
    const again = spellOrRepeat(turn);
    if (again) return { say: again };
    const { known, missing } = factsAskedFor(turn.heard, turn.brief?.facts ?? []);
    const { phrases, language } = turn;
    const answers = [
      ...known.map((fact) => phrases.fact(factName(fact, language), fact.value)),
      ...missing.map((kind) => phrases.missingFact(kind.name[language])),
    ];
    return answers.length > 0 ? { say: answers.join(' ') } : null;
  },
};

const CONFIRMATION =
  /\b(?:is (?:that|this|it) (?:correct|right)|did i get that right|have i got that right|(?:correct|right)\?|es correcto|esta bien\?|es asi|verdad\?)/;
const MENTIONED_KIND: Record<string, RegExp> = {
  accountNumber: /\baccount\b|\bcuenta\b/,
  zip: /\bzip\b|\bpostal\b/,
  phone: /\bphone\b|\btelefono\b/,
  lastFour: /\blast (?:4|four)\b|\bultimos\b/,
};
// Enough shared words that a question restates the issue itself ("So you were charged twice in October?").
const RESTATES_ISSUE_WORDS = 2;

/** "So that's account 4417 2290, is that correct?": yes when it matches the facts, else the right value. */
export const confirmReadBack: Rule = {
  name: 'confirmReadBack',
  apply(turn, earlierParts) {
    if (earlierParts.length > 0 || !CONFIRMATION.test(turn.plain)) return null;
    const { phrases, language } = turn;
    const facts = turn.brief?.facts ?? [];
    const heardDigits = turn.heard.replace(/\D/g, '');
    const plain = turn.plain.replace(/\s+/g, ' ');
    const matches = facts.filter((fact) => {
      const digits = fact.value.replace(/\D/g, '');
      return digits.length >= 3 ? heardDigits.includes(digits) : plain.includes(plainText(fact.value));
    });
    if (matches.length > 0) return { say: phrases.confirmed };
    const misheard = facts.find((fact) => {
      const kind = kindOf(fact)?.id ?? '';
      return heardDigits.length >= 3 && /\d/.test(fact.value) && MENTIONED_KIND[kind]?.test(turn.plain);
    });
    if (misheard) return { say: phrases.correction(phrases.fact(factName(misheard, language), misheard.value)) };
    const issueStems = needOf(turn.brief).stems;
    const shared = new Set(words(turn.heard).map((word) => word.replace(/(?:ing|ed|es|s)$/, '')).filter((stem) => issueStems.has(stem)));
    return shared.size >= RESTATES_ISSUE_WORDS ? { say: phrases.confirmed } : null;
  },
};
