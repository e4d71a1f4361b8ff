// Matches a representative's question to the facts the customer allowed us to disclose. Common kinds
// of fact (name, account number, zip code, ...) are recognised by their usual names in either
// language, whatever the brief calls them; any other fact by its own label.
import type { Fact } from './policyBrief.js';
import type { Language } from './policyLanguage.js';
import { asksForInformation, foldAccents, plainText, splitSentences, words } from './policySentences.js';

export interface FactKind {
  id: string;
  /** A brief's label for a fact of this kind ("Billing ZIP", "Postcode"). */
  label: RegExp;
  /** A question asking for it ("What's the zip code on the account?"). */
  asked: RegExp;
  name: Record<Language, string>;
}

// Order matters: the first kind whose label pattern fits classifies a fact ("Email address" is an email).
const FACT_KINDS: readonly FactKind[] = [
  { id: 'email', label: /\be-?mail\b|\bcorreo\b/, asked: /\be-?mail\b|\bcorreo\b/, name: { en: 'email address', es: 'el correo electrónico' } },
  {
    id: 'lastFour',
    label: /\blast (?:4|four)\b|\bultimos (?:4|cuatro)\b|\bssn\b|\bsocial\b/,
    asked: /\blast (?:4|four)\b|\bultimos (?:4|cuatro)\b/,
    name: { en: 'last four digits', es: 'los últimos cuatro dígitos' },
  },
  {
    id: 'birthDate',
    label: /\bbirth|\bdob\b|\bnacimiento\b/,
    asked: /\bdate of birth\b|\bbirth ?date\b|\bbirthday\b|\bdob\b|\bwhen (?:were|was) (?:you|she|he|they|the account ?holder) born\b|\bfecha de nacimiento\b/,
    name: { en: 'date of birth', es: 'la fecha de nacimiento' },
  },
  {
    id: 'zip',
    label: /\bzip\b|\bpostal\b|\bpostcode\b/,
    asked: /\bzip\b|\bpostal code\b|\bpostcode\b|\bcodigo postal\b/,
    name: { en: 'zip code', es: 'el código postal' },
  },
  {
    id: 'phone',
    label: /\bphone\b|\btelephone\b|\bmobile\b|\bcell\b|\bcall ?back\b|\btelefono\b|\bcelular\b/,
    asked: /\bphone\b|\btelephone\b|\bmobile (?:number|phone)\b|\bcell\b|\bcall ?back number\b|\bbest number\b|\bnumber (?:we|i) can reach\b|\btelefono\b|\bcelular\b/,
    name: { en: 'phone number', es: 'el número de teléfono' },
  },
  {
    id: 'address',
    label: /\baddress\b|\bdireccion\b|\bdomicilio\b/,
    asked: /\b(?:service|billing|home|street|mailing|postal|physical|your|the) address\b|\baddress on (?:the account|file)\b|\bdireccion\b|\bdomicilio\b/,
    name: { en: 'address', es: 'la dirección' },
  },
  {
    id: 'accountNumber',
    label: /\baccount (?:number|no|#|id)|\bacct\b|\bcustomer (?:number|id)\b|\bmember (?:number|id)\b|\bnumero de (?:cuenta|cliente)\b/,
    asked: /\baccount (?:number|no|#|id)|\bacct\b|\bcustomer (?:number|id)\b|\bmember (?:number|id)\b|\bnumero de (?:cuenta|cliente)\b/,
    name: { en: 'account number', es: 'el número de cuenta' },
  },
  {
    id: 'name',
    label: /\bname\b|\bnombre\b|\bholder\b|\btitular\b/,
    asked: /\bname\b|\bwho is the account ?holder\b|\bnombre\b/,
    name: { en: 'name', es: 'el nombre' },
  },
];

// Words that cannot identify a fact on their own ("number" alone could be any number).
const TOO_GENERIC = new Set(['number', 'code', 'id', 'date', 'details', 'info', 'information', 'numero', 'codigo']);
const CONNECTIVES = new Set(['of', 'on', 'the', 'a', 'an', 'for', 'and', 'or', 'to', 'in', 'de', 'del', 'la', 'el']);
// The speaker's own name is not a question about ours.
const OWN_NAME = /\b(?:my name(?:'s| is)|mi nombre es|me llamo)\b/g;

const folded = (text: string) => foldAccents(text).toLowerCase();
const SHORT_QUESTION_WORDS = 6;

/**
 * Asks for a value, not about one: "What's your email?", "And the zip code?", "I'll need your account
 * number." do; "Did you receive our email last week?" does not.
 */
function asksForValue(sentence: string): boolean {
  const plain = plainText(sentence).trim();
  if (asksForInformation(sentence) || /\bdo you have (?:your|the)\b/.test(plain)) return true;
  // "And finally the zip code on the policy."
  if (/^(?:and|also|now|next|finally|lastly|then|plus|y|tambien|ahora)\b/.test(plain) && words(sentence).length <= 10) return true;
  return sentence.trim().endsWith('?') && words(sentence).length <= SHORT_QUESTION_WORDS;
}

export function kindOf(fact: Fact): FactKind | null {
  return FACT_KINDS.find((kind) => kind.label.test(folded(fact.label))) ?? null;
}

/** "Full name" is also asked for by "your name", while "Account number" needs "account number". */
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

const mentions = (sentence: string, name: string) => ` ${words(sentence).join(' ')} `.includes(` ${name} `);

// "the zip code for the service address", "the last four digits of your phone": what follows such a
// preposition says which one is meant; it is not asked for itself.
const QUALIFYING = /\b(?:for|of|on|at|associated with|linked to|del|de la|de su) (?:the |your |that |su |la |el )?(?:[a-z]+ )?$/;

function kindsAskedIn(sentence: string): FactKind[] {
  return FACT_KINDS.filter((kind) => {
    const match = new RegExp(kind.asked.source, 'g');
    return [...sentence.matchAll(match)].some((found) => !QUALIFYING.test(sentence.slice(0, found.index)));
  });
}

/** Of several facts of the kind asked for, the one whose label the question echoes most. */
function bestFor(kind: FactKind, sentence: string, facts: readonly Fact[]): Fact | null {
  const candidates = facts.filter((fact) => kindOf(fact) === kind);
  const echoed = (fact: Fact) => words(fact.label).filter((word) => mentions(sentence, word)).length;
  return candidates.sort((a, b) => echoed(b) - echoed(a))[0] ?? null;
}

export interface AskedFacts {
  /** Facts asked for, in the order the brief lists them. */
  known: Fact[];
  /** Kinds of fact asked for that the brief does not give. */
  missing: FactKind[];
}

/** The facts (and missing kinds of fact) that `sentences` name, in the order the brief lists them. */
function factsNamed(sentences: readonly string[], facts: readonly Fact[]): AskedFacts {
  const known = new Set<Fact>();
  const missing = new Set<FactKind>();
  for (const sentence of sentences) {
    const question = folded(sentence).replace(OWN_NAME, ' ');
    for (const kind of kindsAskedIn(question)) {
      const fact = bestFor(kind, question, facts);
      if (fact) known.add(fact);
      else missing.add(kind);
    }
    // Facts of a known kind are asked for by the kind's names; any other fact by its own label.
    for (const fact of facts) if (!kindOf(fact) && namesFor(fact.label).some((name) => mentions(question, name))) known.add(fact);
  }
  return { known: facts.filter((fact) => known.has(fact)), missing: [...missing] };
}

/** What the other side asks us for, in sentences that ask for a value. */
export function factsAskedFor(heard: string, facts: readonly Fact[]): AskedFacts {
  return factsNamed(splitSentences(heard).filter(asksForValue), facts);
}

/** What a prompt names, asked or not ("Using your keypad, enter your zip code."). */
export function factsMentioned(text: string, facts: readonly Fact[]): AskedFacts {
  return factsNamed(splitSentences(text), facts);
}

/** How the agent names a fact: the brief's label in English, the kind's Spanish name in Spanish. */
export function factName(fact: Fact, language: Language): string {
  const kind = kindOf(fact);
  return language === 'es' && kind ? kind.name.es : fact.label.toLowerCase();
}
