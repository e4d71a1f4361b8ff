import { isUnderway, speakerName } from './callPresentation.js';
import { el, timeEl } from './element.js';
import { formatClock } from './timeFormat.js';

// How close to the bottom (px) still counts as "reading the latest line".
const FOLLOW_SLACK_PX = 80;

/**
 * The conversation as chat bubbles, growing line by line as the call goes on. What someone is saying
 * right now shows below as a provisional bubble, hidden from screen readers: the log announces each
 * final line once instead of every few words.
 */
export function createTranscriptView() {
  const lines = new Map();
  const partials = new Map();
  const list = el('ol', { class: 'transcript', dataset: { testid: 'transcript' } });
  const partialList = el('ol', { class: 'transcript transcript-partials', 'aria-hidden': 'true' });
  const empty = el('p', { class: 'transcript-empty muted' });
  const scroller = el('div', { class: 'transcript-scroll', role: 'log', 'aria-labelledby': 'transcript-title', tabindex: '0' }, empty, list, partialList);
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

  /** Shows `call.partials` in order, reusing each item's bubble as its text grows; says whether anything changed. */
  function updatePartials(call) {
    let changed = false;
    const wanted = new Set(call.partials.map((p) => p.itemId));
    for (const [itemId, bubble] of partials) {
      if (wanted.has(itemId)) continue;
      bubble.element.remove();
      partials.delete(itemId);
      changed = true;
    }
    for (const partial of call.partials) {
      let bubble = partials.get(partial.itemId);
      if (!bubble) {
        bubble = renderPartial(partial, call);
        partials.set(partial.itemId, bubble);
        partialList.append(bubble.element);
        changed = true;
      }
      if (bubble.text.textContent !== partial.text) {
        bubble.text.textContent = partial.text;
        changed = true;
      }
    }
    partialList.hidden = call.partials.length === 0;
    return changed;
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
      const partialsChanged = updatePartials(call);
      const saysSomething = call.transcript.length > 0 || call.partials.length > 0;
      empty.textContent = saysSomething ? '' : emptyText(call.status);
      empty.hidden = saysSomething;
      if (following && (added || partialsChanged)) scrollToEnd();
      else if (added) jump.hidden = false;
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

function renderPartial(partial, call) {
  const text = el('p', { class: 'line-text' });
  const element = el(
    'li',
    { class: `line line-${partial.speaker} line-partial`, dataset: { testid: 'transcript-partial', speaker: partial.speaker } },
    el('p', { class: 'line-who' }, el('span', { class: 'line-speaker' }, speakerName(partial.speaker, call)), ' ', el('span', {}, 'speaking…')),
    text,
  );
  return { element, text };
}

function emptyText(status) {
  if (status === 'in-progress') return 'Connected. The first words will show here in a moment.';
  if (isUnderway(status)) return 'The conversation will show here, live, once someone answers.';
  return 'Nothing was said on this call.';
}
