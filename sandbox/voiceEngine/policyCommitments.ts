// Dates and amounts a representative commits to ("we'll call you back on Monday, December 7th", "a
// credit of $25"), as short phrases the agent reads back. Cues are matched on accent-folded text and
// the phrases cut from the original, which has the same length.
import type { Language } from './policyLanguage.js';
import { foldAccents } from './policySentences.js';

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const MESES = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo';
const UNITS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth';
const ORDINALS = `(?:twenty|thirty)[- ](?:${UNITS})|${UNITS}|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth`;
const DAY = `(?:\\d{1,2}(?:st|nd|rd|th)?|${ORDINALS})`;
const LEAD = '(?:(?:on|by|for|this|next|until|before|after|el|este|proximo|para el|hasta el)\\s+)?';
const MONTH_DAY = `(?:(?:${MONTHS})\\.?\\s+(?:the\\s+)?${DAY}(?![a-z0-9])|(?:the\\s+)?${DAY}\\s+of\\s+(?:${MONTHS})\\b|\\d{1,2}\\s+de\\s+(?:${MESES})\\b)(?:,?\\s+\\d{4})?`;

const CALENDAR_DATE = new RegExp(
  [
    `\\b${LEAD}(?:${WEEKDAYS})\\b(?:,?\\s+(?:the\\s+)?(?:${MONTH_DAY}|${DAY}(?![a-z0-9])))?`,
    `\\b${LEAD}${MONTH_DAY}`,
    '\\b(?:tomorrow|manana)(?:\\s+(?:morning|afternoon|evening|por la (?:manana|tarde)))?\\b',
    '\\b(?:on\\s+|el\\s+)?\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b',
  ].join('|'),
  'g',
);
const CLOCK = "\\d{1,2}(?::\\d{2})?(?:\\s*(?:a\\.?m\\b\\.?|p\\.?m\\b\\.?|o'clock))?";
const TIME_OF_DAY = new RegExp(`\\b(?:at|around|between|from|a las|entre las)\\s+${CLOCK}(?:\\s+(?:and|to|y|a)\\s+(?:las\\s+)?${CLOCK})?`, 'g');

const NUMBER_WORDS =
  '(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|and)[- ]?)+';
const CENTS = '(?:\\s+(?:and|con|y)\\s+(?:\\d{1,2}|[a-z]+(?:[- ][a-z]+)?)\\s+(?:centavos?|cents?)\\b)?';
const AMOUNT = new RegExp(
  [
    '(?:us)?\\$\\s?\\d[\\d,]*(?:\\.\\d{1,2})?',
    `\\b\\d[\\d,]*(?:\\.\\d{1,2})?\\s*(?:dollars?|usd|euros?|pounds?|pesos|dolares)\\b${CENTS}`,
    `\\b${NUMBER_WORDS}\\s*(?:dollars?|dolares|euros?)\\b${CENTS}`,
  ].join('|'),
  'g',
);
const MONEY_NOUN = '(?:credit|refund|charge|fee|payment|discount|adjustment|reimbursement|reembolso|credito|cargo|descuento|ajuste|pago|bonificacion)';
const NOUN_BEFORE_AMOUNT = new RegExp(`(?:\\b(?:a|an|the|your|un|una|el|la|su)\\s+)?(?:[a-z-]+\\s+)?${MONEY_NOUN}\\s+(?:of|de|for|por)\\s+$`);
const NOUN_AFTER_AMOUNT = new RegExp(`^\\s+${MONEY_NOUN}\\b`);

const CALLBACK =
  /\b(?:call (?:you|her|him|them) back|calls? back|callback|give (?:you|her|him|them) a call|(?:reach|contact|call) (?:you|her|him|them)|expect a call|(?:we|someone|they|he|she)(?:'ll| will) call|devolver(?:le)? la llamada|(?:le|lo|la) (?:llamaremos|llamara|llamare|devolveremos|contactaremos))\b/;
const SUBJECT =
  /\b(?:technician|refund|credit|replacement|package|delivery|appointment|visit|pickup|payment|inspection|check|email|letter|card|router|modem|tecnico|reembolso|credito|paquete|entrega|cita|visita|pago)\b/;

const folded = (text: string) => foldAccents(text).toLowerCase();

function phrases(pattern: RegExp, sentence: string): Array<{ text: string; start: number; end: number }> {
  const lower = folded(sentence);
  return [...lower.matchAll(pattern)].map((match) => ({
    text: sentence.slice(match.index, match.index + match[0].length).trim(),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

function amountPhrase(sentence: string, amount: { text: string; start: number; end: number }): string {
  const lower = folded(sentence);
  const before = NOUN_BEFORE_AMOUNT.exec(lower.slice(Math.max(0, amount.start - 40), amount.start));
  if (before) return sentence.slice(amount.start - before[0].length, amount.end).trim();
  const after = NOUN_AFTER_AMOUNT.exec(lower.slice(amount.end));
  if (after) {
    const article = /\b(?:a|an|un|una)\s+$/.exec(lower.slice(0, amount.start))?.[0] ?? '';
    return sentence.slice(amount.start - article.length, amount.end + after[0].length);
  }
  return amount.text;
}

/** Whether the sentence names a calendar date, a time or an amount of money. */
export function hasDateOrAmount(sentence: string): boolean {
  return phrases(CALENDAR_DATE, sentence).length + phrases(AMOUNT, sentence).length > 0;
}

/** Read-back phrases for one sentence: "a credit of $25", "a call back on Monday, December 7th". */
export function commitmentsIn(sentence: string, language: Language): string[] {
  const lower = folded(sentence);
  const items = phrases(AMOUNT, sentence).map((amount) => amountPhrase(sentence, amount));
  const times = phrases(TIME_OF_DAY, sentence).map((time) => time.text);
  for (const [i, date] of phrases(CALENDAR_DATE, sentence).entries()) {
    const when = [date.text, ...(i === 0 ? times : [])].join(' ').replace(/[\s,.;]+$/, '');
    const subject = SUBJECT.exec(lower);
    if (CALLBACK.test(lower)) items.push(language === 'es' ? `una llamada ${when}` : `a call back ${/^(?:on|by|this|next|tomorrow)\b/i.test(when) ? '' : 'on '}${when}`);
    else if (subject) items.push(`${language === 'es' ? '' : 'the '}${sentence.slice(subject.index, subject.index + subject[0].length)} ${when}`);
    else items.push(when);
  }
  return items;
}
