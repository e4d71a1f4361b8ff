// `timeZone` and `locale` default to the browser's; tests pin them.

/** "14:03:07" style, for timeline entries and transcript lines. */
export function formatClock(iso, { timeZone, locale } = {}) {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone }).format(new Date(iso));
}

/** "Today, 14:03", "Yesterday, 09:12", "3 Mar, 14:03", or with the year when it is not this year. */
export function formatWhen(iso, { now = new Date(), timeZone, locale } = {}) {
  const date = new Date(iso);
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(date);
  const day = calendarDay(date, timeZone);
  if (day === calendarDay(now, timeZone)) return `Today, ${time}`;
  if (day === calendarDay(new Date(now.getTime() - 86_400_000), timeZone)) return `Yesterday, ${time}`;
  const sameYear = day.slice(0, 4) === calendarDay(now, timeZone).slice(0, 4);
  const dateText = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
    timeZone,
  }).format(date);
  return `${dateText}, ${time}`;
}

/** "45 s", "4 min 30 s", "1 h 05 min". */
export function formatDuration(ms) {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes) return `${minutes} min ${seconds} s`;
  return `${seconds} s`;
}

function calendarDay(date, timeZone) {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date);
}
