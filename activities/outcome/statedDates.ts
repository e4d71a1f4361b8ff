import { addDays, closestOccurrence, isoDay, nearestWeekday, nextDayOfMonth, WEEKDAYS } from './calendarDays.js';
import { numberWords, readOrdinal } from './spokenNumbers.js';

export interface StatedDate { date: string; context: string }

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// Month names only count capitalised, so "you may", "march on" never read as dates.
const MONTH_DAY = new RegExp(`\\b(${MONTHS.join('|')})\\s+([a-z0-9-]+(?:\\s+[a-z]+)?)(?:,?\\s+(\\d{4}))?`, 'g');
const DAY_OF_MONTH = new RegExp(`\\bthe\\s+([a-z0-9-]+(?:\\s+[a-z]+)?)\\s+of\\s+(${MONTHS.join('|')})(?:,?\\s+(\\d{4}))?`, 'g');
const BARE_DAY = /\b(?:on|by|before|after|until)\s+the\s+(\d{1,2}(?:st|nd|rd|th))\b(?!\s+of)/gi;
const WEEKDAY = /\b(?:(next|this|coming|last)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!s)/gi;
const WEEKDAY_NAMES = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
// "Monday through Friday" are opening hours; "Monday, December 7th" is dated by the explicit date that follows.
const RANGE_AFTER = new RegExp(`^\\s*(?:through|thru|to|and|-|–)\\s+(?:${WEEKDAY_NAMES})`, 'i');
const RANGE_BEFORE = new RegExp(`(?:${WEEKDAY_NAMES})\\s*(?:through|thru|to|and|-|–)\\s*$`, 'i');
const DATE_AFTER = new RegExp(`^,?\\s+(?:the\\s+\\w+\\s+of\\s+)?(?:${MONTHS.join('|')})\\b`);
/** "Saturday delivery", "Sunday hours": the weekday describes a service, it is not a day. */
const DESCRIBES_NOUN = /^\s+(?:delivery|deliveries|service|hours|shift|special|rates?|pricing|pickup|schedule|crew|team|staff|fee)\b/i;
const DAY_AFTER = /^,?\s+the\s+(\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:[\s-][a-z]+)?)/i;
const PAST_TENSE = /\b(was|were|did|had|came|went|posted)\b/i;
const RELATIVE_DAYS: Array<[RegExp, number]> = [
  [/\bthe day after tomorrow\b/gi, 2], [/\btomorrow\b/gi, 1], [/\b(?:today|tonight)\b/gi, 0], [/\byesterday\b/gi, -1],
];

/** The calendar days a sentence names, resolved against the call's day. Durations ("within 48 hours") are not dates. */
export function findStatedDates(sentence: string, callDay: string): StatedDate[] {
  const found: Array<{ at: number; date: string }> = [];
  const add = (at: number, date: string | null) => { if (date) found.push({ at, date }); };

  for (const m of sentence.matchAll(MONTH_DAY)) add(m.index, explicitDate(callDay, m[1], m[2], m[3]));
  for (const m of sentence.matchAll(DAY_OF_MONTH)) add(m.index, explicitDate(callDay, m[2], m[1], m[3]));
  for (const m of sentence.matchAll(BARE_DAY)) add(m.index, nextDayOfMonth(callDay, parseInt(m[1], 10)));
  for (const m of sentence.matchAll(WEEKDAY)) {
    const after = sentence.slice(m.index + m[0].length);
    const before = sentence.slice(0, m.index);
    if (RANGE_AFTER.test(after) || RANGE_BEFORE.test(before) || DATE_AFTER.test(after) || DESCRIBES_NOUN.test(after)) continue;
    const dayAfter = DAY_AFTER.exec(after);
    const dayOfMonth = dayAfter ? readOrdinal(numberWords(dayAfter[1]), 0) : null;
    if (dayOfMonth) {
      add(m.index, nextDayOfMonth(callDay, dayOfMonth.value));
      continue;
    }
    const clauseBefore = before.split(/[,;]|\band\b/).pop() ?? '';
    const backwards = m[1]?.toLowerCase() === 'last' || (!m[1] && PAST_TENSE.test(clauseBefore));
    add(m.index, nearestWeekday(callDay, WEEKDAYS.indexOf(m[2].toLowerCase() as (typeof WEEKDAYS)[number]), backwards ? 'previous' : 'next'));
  }
  // "How can I help you today?" is a greeting, not a date.
  if (!sentence.trim().endsWith('?')) {
    for (const [pattern, offset] of RELATIVE_DAYS) {
      for (const m of sentence.matchAll(pattern)) if (!found.some((f) => f.at === m.index)) add(m.index, addDays(callDay, offset));
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => ({ date: f.date, context: sentence }));
}

function explicitDate(callDay: string, monthName: string, dayWords: string, year: string | undefined): string | null {
  const month = MONTHS.indexOf(monthName) + 1;
  const words = numberWords(dayWords);
  const day = /^\d{1,2}$/.test(words[0] ?? '') ? { value: Number(words[0]) } : readOrdinal(words, 0);
  if (!day || day.value < 1 || day.value > 31) return null;
  return year ? isoDay(Number(year), month, day.value) : closestOccurrence(callDay, month, day.value);
}
