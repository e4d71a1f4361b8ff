import type { OpeningHours } from '../businesses/businessScript.js';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export type OpeningTimesResult = { weekly: OpeningHours['weekly'] } | { key: string; message: string };

/** "mon-fri", "sat", "sat,sun", "mon-wed,fri" -> weekday numbers (0 = Sunday). */
function daysOf(spec: string): number[] | null {
  const days: number[] = [];
  for (const part of spec.toLowerCase().split(',').map((piece) => piece.trim())) {
    const [first, last, extra] = part.split('-');
    const from = DAYS.indexOf(first);
    const to = last === undefined ? from : DAYS.indexOf(last);
    if (extra !== undefined || from < 0 || to < 0) return null;
    for (let day = from; ; day = (day + 1) % 7) {
      days.push(day);
      if (day === to) break;
    }
  }
  return days;
}

function minutesOf(clock: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(clock.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 24 * 60 ? minutes : null;
}

/**
 * Parses `open:` of a scenario: day specs to time ranges, e.g. { "mon-fri": "09:00-17:00",
 * sat: "10:00-12:00, 13:00-15:00" }. Ranges end exclusive and may end at 24:00.
 */
export function parseOpeningTimes(open: Record<string, string>): OpeningTimesResult {
  const weekly: OpeningHours['weekly'] = [];
  for (const [dayKey, times] of Object.entries(open)) {
    const days = daysOf(dayKey);
    if (!days) return { key: dayKey, message: 'expected days such as mon-fri, sat or sat,sun' };
    for (const range of times.split(',')) {
      const ends = range.split('-').map(minutesOf);
      const [from, to] = ends;
      if (ends.length !== 2 || from === null || to === null) {
        return { key: dayKey, message: `expected opening times such as "09:00-17:00", got "${times}"` };
      }
      if (from >= to) return { key: dayKey, message: `"${range.trim()}" ends before it starts` };
      for (const day of days) weekly.push({ day, from, to });
    }
  }
  return { weekly };
}
