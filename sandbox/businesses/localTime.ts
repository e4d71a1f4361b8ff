export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** 0 = Sunday ... 6 = Saturday */
  weekday: number;
  /** Minutes after local midnight. */
  minuteOfDay: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** True when the runtime knows the IANA time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatIn(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date and time at `instant` in a time zone. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(formatIn(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday),
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The calendar date `days` after an ISO date, skipping Saturdays and Sundays when `businessDays`. */
export function addDays(isoDate: string, days: number, businessDays: boolean): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (!businessDays || (weekday !== 0 && weekday !== 6)) left--;
  }
  return date.toISOString().slice(0, 10);
}
