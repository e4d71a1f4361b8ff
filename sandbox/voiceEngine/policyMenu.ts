// Reads the options out of a phone-menu prompt, English or Spanish, whichever way round it is worded:
// "For billing, press 1", "Press 2 for support, 3 for sales", "Billing, press 1", "Press or say 3 for
// claims", "Say 'billing' or 'support'", "Para facturación, oprima 1".
import { foldAccents, splitSentences } from './policySentences.js';

export interface MenuOption {
  /** Keys that choose it ("1", "0", "*"); null when it can only be spoken. */
  digits: string | null;
  /** What to say to choose it by voice; null when only keys are accepted. */
  keyword: string | null;
  /** What the option is for, as heard ("speak with a representative"). */
  label: string;
}

const KEY_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  star: '*', pound: '#', hash: '#',
  cero: '0', uno: '1', dos: '2', tres: '3', cuatro: '4', cinco: '5', seis: '6', siete: '7', ocho: '8', nueve: '9',
  asterisco: '*', numeral: '#', almohadilla: '#', gato: '#',
};
const KEY = `(?:[0-9*#]|${Object.keys(KEY_WORDS).join('|')})(?![a-z0-9])`;
const PRESS = '(?:press|dial|enter|push|select|touch|hit|oprima|oprime|marque|marca|presione|presiona|pulse|pulsa|digite|teclee)';
const SAY = '(?:say|diga|di)';
const QUOTED = `"[^"]+"|'[^']+'`;

const KEY_MENTION = new RegExp(
  `\\b(?:${PRESS}(?:\\s+(?:or|o)\\s+(?<orSay>${SAY}))?|(?<sayOr>${SAY})\\s+(?:or|o)\\s+${PRESS})\\s+` +
    `(?:the\\s+(?:number\\s+)?|number\\s+|el\\s+(?:numero\\s+)?)?(?<key>${KEY})` +
    `(?:\\s*,?\\s*(?:or|o)\\s+${SAY}\\s+(?<spoken>${QUOTED}|[a-z]+(?: [a-z]+)?))?`,
  'g',
);
// "press 1 for billing, 2 for support, or 0 for an operator": later keys without their own verb.
const CONTINUED_KEY = new RegExp(`(?:,\\s*(?:(?:or|and|o|y)\\s+)?|\\s+(?:or|and|o|y)\\s+)(?<key>${KEY})\\s+(?=(?:for|to|if|para|si)\\b)`, 'g');
const LEAD_WORD = /(?:^|[,:]\s*|\b(?:and|or|y|o)\s+)(?:for|to|if|para|si)\b/g;
const NOT_CONTENT = new Set(['please', 'now', 'then', 'or', 'and', 'also', 'o', 'y', 'por', 'favor', 'ahora', 'just', 'simply']);

interface Mention {
  start: number;
  end: number;
  digits: string;
  keyword: string | null;
}

/** Curly quotes made straight, one character for one, so indexes still match the original. */
function straightQuotes(text: string): string {
  return text.replace(/[‘’‚‛]/g, "'").replace(/[“”„«»]/g, '"');
}

const unquote = (text: string) => text.replace(/^["']|["']$/g, '').trim();
const hasContent = (text: string) => (text.toLowerCase().match(/[a-z0-9']+/g) ?? []).some((word) => !NOT_CONTENT.has(word));
const tidy = (label: string) => label.replace(/^[\s,:;-]+|[\s,:;.-]+$/g, '').replace(/\s+/g, ' ');

function keyMentions(folded: string): Mention[] {
  const mentions: Mention[] = [];
  for (const match of folded.matchAll(KEY_MENTION)) {
    const { key, orSay, sayOr, spoken } = match.groups ?? {};
    const digits = KEY_WORDS[key] ?? key;
    const keyword = spoken ? unquote(spoken) : orSay || sayOr ? key : null;
    mentions.push({ start: match.index, end: match.index + match[0].length, digits, keyword });
  }
  if (mentions.length === 0) return mentions;
  for (const match of folded.slice(mentions[0].end).matchAll(CONTINUED_KEY)) {
    const start = mentions[0].end + match.index;
    if (mentions.some((mention) => start < mention.end && mention.start < start + match[0].length)) continue;
    const key = match.groups?.key ?? '';
    mentions.push({ start, end: start + match[0].length, digits: KEY_WORDS[key] ?? key, keyword: null });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/**
 * The label in front of a key: the clause opened by the last lead word ("Thank you for calling, for
 * billing" -> "billing"), else the last clause ("Billing, " -> "Billing"). `led` tells which.
 */
function labelBefore(original: string, folded: string): { label: string; led: boolean } {
  let from = -1;
  for (const match of folded.matchAll(LEAD_WORD)) from = match.index + match[0].length;
  if (from >= 0) return { label: tidy(original.slice(from)), led: true };
  const clauses = original.split(',').map(tidy).filter(hasContent);
  return { label: clauses.at(-1) ?? '', led: false };
}

/** The label after a key ("for billing, " -> "billing"); `led` when a lead word introduced it. */
function labelAfter(original: string): { label: string; led: boolean } {
  const led = /^[\s,]*(?:for|to|if|para|si)\b/i.test(original);
  return { label: tidy(original.replace(/^[\s,]*(?:for|to|if|para|si)\b/i, '').replace(/[\s,]*(?:or|and|o|y)?[\s,]*$/i, '')), led };
}

function keyOptions(original: string, folded: string, mentions: Mention[]): MenuOption[] {
  const labelFirst = hasContent(folded.slice(0, mentions[0].start));
  return mentions.map((mention, i) => {
    const beforeFrom = i === 0 ? 0 : mentions[i - 1].end;
    const afterTo = i + 1 < mentions.length ? mentions[i + 1].start : original.length;
    const before = labelBefore(original.slice(beforeFrom, mention.start), folded.slice(beforeFrom, mention.start)).label;
    const after = labelAfter(original.slice(mention.end, afterTo)).label;
    const label = (labelFirst ? before || after : after || before) || mention.digits;
    return { digits: mention.digits, keyword: mention.keyword, label };
  });
}

const SAY_VERB = new RegExp(`\\b${SAY}\\b`);
// A prompt tells the caller what to say; anyone else saying "say" ("I'd say five days") is not a menu.
const PROMPT_OPENING = /^(?:(?:please|you can|you may|or|just|simply|now|also|por favor|puede|tambien)[\s,]*)*$|^(?:for|to|if|para|si)\b[^,]*,\s*(?:please\s+|just\s+)?$/;
const SPOKEN_LIST_END = /\s(?:to|for|at any time|anytime|now|if|para|en cualquier momento|si)\b/;
const LIST_SEPARATOR = /\s*,\s*(?:(?:or|o)\s+)?|\s+(?:or|o)\s+/;
const NOT_A_CHOICE = /^(?:your|su|the|that|it|this|something|a|an|yes|no|si|again|otra)\b/;
const EXAMPLES_INTRO = /^(?:things |something )?(?:like|such as|for example|for instance|e\.g\.|por ejemplo|como)\s+/i;
// "If so, press 1": the option is the question just asked ("Is your question about your latest bill?").
const IF_SO = /^(?:so|yes|that is the case|that's the case|es asi|si es asi|asi es)$/i;

/** Options that can only be spoken: "Say 'billing' or 'support'", "Please say billing, or agent". */
function spokenOptions(original: string, folded: string): MenuOption[] {
  const verb = SAY_VERB.exec(folded);
  if (!verb || !PROMPT_OPENING.test(folded.slice(0, verb.index))) return [];
  const from = verb.index + verb[0].length;
  const rest = original.slice(from);
  const quoted = [...rest.matchAll(/(?:^|[\s,(])(["'])([^"']+?)\1(?=[\s,.;:!?)]|$)/g)].map((match) => match[2].trim());
  let items = quoted;
  if (items.length === 0) {
    const end = SPOKEN_LIST_END.exec(folded.slice(from));
    items = rest.slice(0, end ? end.index : undefined).split(LIST_SEPARATOR).map((item) => tidy(item).replace(EXAMPLES_INTRO, '')).filter(Boolean);
  }
  items = items.filter((item) => item.split(/\s+/).length <= 4 && !NOT_A_CHOICE.test(foldAccents(item).toLowerCase()));
  if (items.length === 0) return [];
  const before = labelBefore(original.slice(0, verb.index), folded.slice(0, verb.index));
  const after = labelAfter(rest.slice(rest.indexOf(items[0]) + items[0].length).replace(/^["']/, ''));
  const context = [before.led ? before.label : '', items.length === 1 && after.led ? after.label : ''].join(' ');
  return items.map((item) => ({ digits: null, keyword: item, label: tidy(`${item} ${context}`) }));
}

export function menuOptions(prompt: string): MenuOption[] {
  const options: MenuOption[] = [];
  const sentences = splitSentences(straightQuotes(prompt.normalize('NFC')));
  for (const [index, sentence] of sentences.entries()) {
    const folded = foldAccents(sentence).toLowerCase();
    const mentions = keyMentions(folded);
    const found = mentions.length > 0 ? keyOptions(sentence, folded, mentions) : spokenOptions(sentence, folded);
    for (const option of found) {
      if (IF_SO.test(option.label) && index > 0) option.label = tidy(sentences[index - 1]);
      const duplicate = options.some(
        (other) => (option.digits !== null && other.digits === option.digits) || (option.digits === null && other.keyword === option.keyword),
      );
      if (!duplicate) options.push(option);
    }
  }
  return options;
}
