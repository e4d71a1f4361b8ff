import { isUnderway, speakerName } from './callPresentation.js';
import { el, timeEl } from './element.js';
import { formatClock } from './timeFormat.js';

// How close to the bottom (px) still counts as "reading the latest line".
const FOLLOW_SLACK_PX = 80;

/** The conversation as chat bubbles, growing line by line as the call goes on. */
export function createTranscriptView() {
  const lines = new Map();
  const list = el('ol', { class: 'transcript', dataset: { testid: 'transcript' } });
  const empty = el('p', { class: 'transcript-empty muted' });
  const scroller = el('div', { class: 'transcript-scroll', role: 'log', 'aria-labelledby': 'transcript-title', tabindex: '0' }, empty, list);
  const jump = el('button', { type: 'button', class: 'button button-quiet jump-latest', hidden: true, onclick: () => scrollToEnd() }, 'Jump to the latest line ↓');
  const element = el(
    'section',
    { class: 'card transcript-card', 'aria-labelledby': 'transcript-title' },
    el('h2', { id: 'transcript-title' }, 'Conversation'),
    scroller,
    jump,
  );
  scroller.addEventListener('scroll', () => {
    if (isNearEnd()) jump.hidden = true;
  });

  function isNearEnd() {
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < FOLLOW_SLACK_PX;
  }

  function scrollToEnd() {
    scroller.scrollTop = scroller.scrollHeight;
    jump.hidden = true;
  }

  return {
    element,
    update(call) {
      const following = isNearEnd();
      let added = false;
      // Lines arrive in order almost always; insert before the next known line to cover the rest.
      for (let i = call.transcript.length - 1, next = null; i >= 0; i--) {
        const line = call.transcript[i];
        let item = lines.get(line.seq);
        if (!item) {
          item = renderLine(line, call);
          lines.set(line.seq, item);
          list.insertBefore(item, next);
          added = true;
        }
        next = item;
      }
      empty.textContent = call.transcript.length ? '' : emptyText(call.status);
      empty.hidden = call.transcript.length > 0;
      if (!added) return;
      if (following) scrollToEnd();
      else jump.hidden = false;
    },
  };
}

function renderLine(line, call) {
  const who = speakerName(line.speaker, call);
  const time = timeEl(line.at, formatClock(line.at));
  if (line.speaker === 'system') {
    return el(
      'li',
      { class: 'line line-system', dataset: { testid: 'transcript-line', speaker: line.speaker, seq: line.seq } },
      el('p', { class: 'line-text' }, el('span', { class: 'visually-hidden' }, `${who}: `), line.text, ' · ', time),
    );
  }
  return el(
    'li',
    { class: `line line-${line.speaker}`, dataset: { testid: 'transcript-line', speaker: line.speaker, seq: line.seq } },
    el('p', { class: 'line-who' }, el('span', { class: 'line-speaker' }, who), ' ', time, el('span', { class: 'visually-hidden' }, ':')),
    el('p', { class: 'line-text' }, line.text),
  );
}

function emptyText(status) {
  if (status === 'in-progress') return 'Connected. The first words will show here in a moment.';
  if (isUnderway(status)) return 'The conversation will show here, live, once someone answers.';
  return 'Nothing was said on this call.';
}
