import { describeStatus } from './callPresentation.js';
import { el, timeEl } from './element.js';
import { formatClock } from './timeFormat.js';

/** Every status the call went through, with the time and any detail the system gave. */
export function renderTimeline(timeline) {
  if (!timeline.length) return el('p', { class: 'muted' }, 'Nothing has happened yet.');
  return el(
    'ol',
    { class: 'timeline', dataset: { testid: 'timeline' } },
    timeline.map((entry) => {
      const status = describeStatus(entry.status);
      return el(
        'li',
        { class: `timeline-entry tone-${status.tone}`, dataset: { testid: 'timeline-entry', status: entry.status } },
        el('span', { class: 'timeline-dot', 'aria-hidden': 'true' }),
        el('span', { class: 'timeline-label' }, status.label),
        timeEl(entry.at, formatClock(entry.at)),
        entry.detail ? el('span', { class: 'timeline-detail' }, entry.detail) : null,
      );
    }),
  );
}
