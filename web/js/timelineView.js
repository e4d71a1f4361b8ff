import { isStatusEntry } from './callTimeline.js';
import { el, timeEl } from './element.js';
import { describeTimelineEntry } from './timelineLabels.js';
import { formatClock } from './timeFormat.js';

/** Every status the call went through and what happened on the line, with times and readable details. */
export function renderTimeline(timeline) {
  if (!timeline.length) return el('p', { class: 'muted' }, 'Nothing has happened yet.');
  return el(
    'ol',
    { class: 'timeline', dataset: { testid: 'timeline' } },
    timeline.map((entry) => {
      const { label, tone, detail } = describeTimelineEntry(entry);
      const kind = isStatusEntry(entry) ? 'status' : 'event';
      return el(
        'li',
        { class: `timeline-entry timeline-${kind} tone-${tone}`, dataset: { testid: 'timeline-entry', status: entry.status, kind } },
        el('span', { class: 'timeline-dot', 'aria-hidden': 'true' }),
        el('span', { class: 'timeline-label' }, label),
        timeEl(entry.at, formatClock(entry.at)),
        detail ? el('span', { class: 'timeline-detail' }, detail) : null,
      );
    }),
  );
}
