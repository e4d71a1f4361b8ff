import { callTitle, describeCallStatus, isUnderway } from './callPresentation.js';
import { el, timeEl } from './element.js';
import { callHref } from './router.js';
import { formatWhen } from './timeFormat.js';

// Slow on purpose: the list only needs to catch calls that finish while nobody is watching them.
const POLL_MS = 10_000;

/** The call history beside every page: newest first, with status and case number. */
export function createHistoryPanel({ api }) {
  let calls = [];
  let loaded = false;
  let selectedId = null;
  let timer = null;
  let shownMessage = 'none';
  const items = new Map();
  // When each call was last seen live on the page (SSE), to tell whether a poll's answer is older.
  const seenLiveAt = new Map();

  const list = el('ul', { class: 'call-list', dataset: { testid: 'call-list' } });
  const message = el('div', { class: 'history-message', 'aria-live': 'polite' });
  const element = el('div', { class: 'history-inner' }, el('h2', { id: 'history-title', class: 'history-title' }, 'Your calls'), message, list);

  async function refresh() {
    clearTimeout(timer);
    const askedAt = Date.now();
    try {
      calls = keepNewerLiveStatus(await api.listCalls(), askedAt);
      loaded = true;
      render();
    } catch (error) {
      // A failed poll keeps the list it has; only a list never loaded shows the error.
      if (!loaded) showLoadError(error.message);
    }
    schedulePoll();
  }

  // A poll read before the call page's latest live update would move that call's badge backwards. The
  // list has no timeline; one seen live still tells a retry from a first schedule while the status holds.
  function keepNewerLiveStatus(polled, askedAt) {
    return polled.map((call) => {
      const known = calls.find((c) => c.id === call.id);
      if (!known) return call;
      if ((seenLiveAt.get(call.id) ?? -Infinity) >= askedAt) return known;
      return known.timeline && known.status === call.status ? { ...call, timeline: known.timeline } : call;
    });
  }

  function schedulePoll() {
    clearTimeout(timer);
    if (document.visibilityState === 'visible' && calls.some((c) => isUnderway(c.status))) timer = setTimeout(refresh, POLL_MS);
  }

  function showLoadError(text) {
    shownMessage = null;
    showMessage(
      'error',
      el('p', {}, `Couldn’t load your calls. ${text}`),
      el('button', { type: 'button', class: 'button button-quiet', onclick: refresh }, 'Try again'),
    );
  }

  // The message area is a live region: touch it only when what it says changes.
  function showMessage(kind, ...content) {
    if (kind === shownMessage) return;
    shownMessage = kind;
    message.replaceChildren(...content);
  }

  function render() {
    if (calls.length) showMessage('none');
    else showMessage('empty', el('p', { class: 'muted' }, 'No calls yet. They will be listed here.'));
    const wanted = new Set(calls.map((c) => c.id));
    for (const [id, item] of items) {
      if (!wanted.has(id)) {
        item.li.remove();
        items.delete(id);
      }
    }
    // Existing rows are updated in place, never rebuilt, so keyboard focus on a row survives a refresh.
    let cursor = list.firstElementChild;
    for (const call of calls) {
      const item = items.get(call.id) ?? createItem(call.id);
      updateItem(item, call);
      if (item.li === cursor) cursor = cursor.nextElementSibling;
      else list.insertBefore(item.li, cursor);
    }
  }

  function createItem(id) {
    const link = el('a', { class: 'call-item', href: callHref(id), dataset: { testid: 'call-list-item', callId: id } });
    const item = { li: el('li', {}, link), link, signature: '' };
    items.set(id, item);
    return item;
  }

  function updateItem(item, call) {
    if (call.id === selectedId) item.link.setAttribute('aria-current', 'page');
    else item.link.removeAttribute('aria-current');
    const caseNumber = call.outcome?.caseNumber;
    const status = describeCallStatus(call);
    const signature = JSON.stringify([call.status, status.label, callTitle(call), call.issue, call.createdAt, caseNumber]);
    if (signature === item.signature) return;
    item.signature = signature;
    item.link.replaceChildren(
      el(
        'span',
        { class: 'call-item-top' },
        el('span', { class: 'call-item-title' }, callTitle(call)),
        el('span', { class: `badge tone-${status.tone}`, dataset: { testid: 'call-list-status' } }, status.label),
      ),
      el('span', { class: 'call-item-issue' }, call.issue),
      el(
        'span',
        { class: 'call-item-meta' },
        timeEl(call.createdAt, formatWhen(call.createdAt)),
        caseNumber ? el('span', { class: 'call-item-case' }, `Case ${caseNumber}`) : null,
      ),
    );
  }

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') refresh();
    else clearTimeout(timer);
  });

  return {
    element,
    start: refresh,
    select(id) {
      selectedId = id;
      for (const call of calls) updateItem(items.get(call.id), call);
    },
    /** A call seen live elsewhere on the page, shown here without waiting for the next poll. */
    upsert(call) {
      const summary = { id: call.id, to: call.to, company: call.company, issue: call.issue, status: call.status, createdAt: call.createdAt, updatedAt: call.updatedAt, outcome: call.outcome, timeline: call.timeline };
      seenLiveAt.set(call.id, Date.now());
      const index = calls.findIndex((c) => c.id === call.id);
      calls = index === -1 ? [summary, ...calls] : calls.map((c) => (c.id === call.id ? summary : c));
      calls.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
      loaded = true;
      render();
      schedulePoll();
    },
  };
}
