/** Calendar arithmetic on ISO days ("2026-12-03"), in UTC so a day never shifts with the machine's time zone. */

const DAY_MS = 86_400_000;
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const toDate = (day: string): Date => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date): string => date.toISOString().slice(0, 10);

export function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? toDay(date) : null;
}

export function addDays(day: string, days: number): string {
  return toDay(new Date(toDate(day).getTime() + days * DAY_MS));
}

/** Counts only Monday to Friday; public holidays are not known here. */
export function addBusinessDays(day: string, days: number): string {
  let current = day;
  for (let left = days; left > 0; ) {
    current = addDays(current, 1);
    const weekday = toDate(current).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return current;
}

export function addMonths(day: string, months: number): string {
  const date = toDate(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return toDay(target);
}

/** The nearest given weekday strictly after (or, looking back, strictly before) `day`. */
export function nearestWeekday(day: string, weekday: number, direction: 'next' | 'previous'): string {
  const from = toDate(day).getUTCDay();
  const ahead = ((weekday - from + 7) % 7) || 7;
  return addDays(day, direction === 'next' ? ahead : ahead - 7);
}

/** A month and day said without a year: the occurrence closest to the call (so December 18th said in January is last year's). */
export function closestOccurrence(callDay: string, month: number, dayOfMonth: number): string | null {
  const year = toDate(callDay).getUTCFullYear();
  const candidates = [year - 1, year, year + 1].map((y) => isoDay(y, month, dayOfMonth)).filter((d): d is string => d !== null);
  const distance = (d: string) => Math.abs(toDate(d).getTime() - toDate(callDay).getTime());
  return candidates.sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

/** "the 15th" without a month: the next such day on or after the call. */
export function nextDayOfMonth(callDay: string, dayOfMonth: number): string | null {
  const date = toDate(callDay);
  for (let months = 0; months < 3; months++) {
    const candidate = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, dayOfMonth));
    if (candidate.getUTCDate() === dayOfMonth && toDay(candidate) >= callDay) return toDay(candidate);
  }
  return null;
}
