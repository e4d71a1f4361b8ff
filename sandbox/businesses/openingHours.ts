import type { OpeningHours } from './businessScript.js';
import { localTime } from './localTime.js';

/** Whether the business is open at `instant`, by its local weekday and time. */
export function isOpenAt(hours: OpeningHours, timeZone: string, instant: Date): boolean {
  const { weekday, minuteOfDay } = localTime(instant, timeZone);
  return hours.weekly.some((period) => period.day === weekday && period.from <= minuteOfDay && minuteOfDay < period.to);
}
