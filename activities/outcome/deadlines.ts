import { addBusinessDays, addDays, addMonths } from './calendarDays.js';
import { readCount } from './spokenNumbers.js';
import { findStatedDates } from './statedDates.js';

const NUMBER_WORD =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const COUNT = String.raw`(\d+|an?|(?:${NUMBER_WORD})(?:[\s-](?:${NUMBER_WORD}))?)`;
const DURATION = new RegExp(
  String.raw`\b(?:within|in|over the next)\s+(?:about\s+|up\s+to\s+|the\s+next\s+)?${COUNT}(?:\s*(?:to|-|or)\s*${COUNT})?\s+(business\s+|working\s+)?(hours?|days?|weeks?|months?)\b`,
  'i',
);
const WITHIN_THE_HOUR = /\bwithin the hour\b/i;
const LATER_TODAY = /\bby\s+(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight|(?:the\s+)?end of (?:the\s+)?(?:business\s+)?day|close of business)|\blater today\b/i;
const SAME_DAY = /\bthe same day\b/i;
/** "Once we receive the laptop, repairs take five days": counted from an event after the call, so no date can be given. */
const COUNTED_FROM_LATER = /^(?:once|after|when)\b/i;

/** "in up to 10 business days", "within 48 hours": a service level, even when said without "will". */
export function statesDuration(clause: string): boolean {
  return DURATION.test(clause) || WITHIN_THE_HOUR.test(clause);
}

/** The day by which a promise falls due, resolved against the call's day, or null when the sentence sets no deadline. */
export function deadlineOf(clause: string, sentence: string, callDay: string): string | null {
  if (WITHIN_THE_HOUR.test(clause)) return callDay;
  if (SAME_DAY.test(clause)) return findStatedDates(sentence, callDay)[0]?.date ?? null;
  const duration = DURATION.exec(clause);
  if (duration) return COUNTED_FROM_LATER.test(sentence) ? null : afterDuration(callDay, duration);
  const dates = findStatedDates(clause, callDay).map((d) => d.date).sort();
  if (dates.length) return dates[dates.length - 1];
  return LATER_TODAY.test(clause) ? callDay : null;
}

/** A range ("five to seven business days") is due at its far end. */
function afterDuration(callDay: string, m: RegExpExecArray): string | null {
  const count = readCount(m[2] ?? m[1]);
  if (count === null) return null;
  const unit = m[4].toLowerCase().replace(/s$/, '');
  if (unit === 'hour') return addDays(callDay, Math.floor(count / 24));
  if (unit === 'week') return addDays(callDay, count * 7);
  if (unit === 'month') return addMonths(callDay, count);
  return m[3] ? addBusinessDays(callDay, count) : addDays(callDay, count);
}
