import { callTitle, describeCallStatus, isUnderway } from './callPresentation.js';
import { followCall } from './callStream.js';
import { onHoldSince, pendingUserRequest, talkTimeMs } from './callTimeline.js';
import { el } from './element.js';
import { applyCallEvent } from './liveCall.js';
import { renderOutcome } from './outcomeCard.js';
import { createRecordingPlayer } from './recordingPlayer.js';
import { renderTimeline } from './timelineView.js';
import { formatDuration, formatWhen } from './timeFormat.js';
import { createTranscriptView } from './transcriptView.js';
import { renderUserNeeded } from './userNeededBanner.js';

const CONNECTION_TEXT = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Updates paused, retrying…',
};

/**
 * One call, live: status, outcome, conversation and timeline follow the server's events without a
 * reload. `initialCall` (the answer to `POST /calls`) lets a just-placed call show at once.
 * `onCallChange(call)` hears every change, so the history list can follow along.
 */
export function createCallDetailView({ id, api, initialCall, onCallChange }) {
  let call = null;
  let connection = 'connecting';
  let stopFollowing = null;
  let ticker = null;

  const transcript = createTranscriptView();
  const recording = createRecordingPlayer({ api, id });
  const slots = {
    status: slot(renderStatus, (c) => JSON.stringify([c.status, describeCallStatus(c)])),
    meta: slot(renderMeta, (c) => JSON.stringify([c.to, c.createdAt, c.userName, c.status, talkTime(c), holdTime(c)])),
    userNeeded: slot(renderUserNeeded, (c) => JSON.stringify(pendingUserRequest(c))),
    outcome: slot(renderOutcome, (c) => JSON.stringify([c.outcome, c.status === 'completed'])),
    issue: slot(renderIssue, (c) => c.issue),
    timeline: slot((c) => renderTimeline(c.timeline), (c) => JSON.stringify(c.timeline)),
  };
  const title = el('h1', { id: 'call-title', tabindex: '-1' }, 'Call');
  const connectionBadge = el('p', { class: 'connection', hidden: true, dataset: { testid: 'connection' } });
  const loading = el('p', { class: 'loading muted' }, 'Loading the call…');
  const body = el(
    'div',
    { hidden: true },
    slots.userNeeded.element,
    // Announce the outcome as soon as it arrives: it is what the person has been waiting for.
    el('div', { class: 'outcome-region', 'aria-live': 'polite' }, slots.outcome.element),
    el(
      'div',
      { class: 'call-columns' },
      transcript.element,
      el(
        'div',
        { class: 'call-side' },
        recording.element,
        el('section', { class: 'card', 'aria-labelledby': 'issue-title' }, el('h2', { id: 'issue-title' }, 'The issue'), slots.issue.element),
        el('section', { class: 'card', 'aria-labelledby': 'timeline-title' }, el('h2', { id: 'timeline-title' }, 'Timeline'), slots.timeline.element),
      ),
    ),
  );
  // The heading and the status region stay in place for the life of the page, so focus on the heading
  // survives updates and screen readers announce each new status.
  const element = el(
    'article',
    { class: 'page call-page', 'aria-labelledby': 'call-title' },
    el(
      'header',
      { class: 'call-header' },
      el('div', { class: 'call-heading' }, title, el('div', { class: 'call-status', role: 'status' }, slots.status.element)),
      slots.meta.element,
      connectionBadge,
    ),
    loading,
    body,
  );

  function receive(event) {
    const next = applyCallEvent(call, event);
    if (next === call || !next) return;
    call = next;
    loading.hidden = true;
    body.hidden = false;
    update();
    onCallChange(call);
  }

  function update() {
    title.textContent = callTitle(call);
    for (const s of Object.values(slots)) s.update(call);
    transcript.update(call);
    recording.update(call);
    showConnection();
    document.title = `${describeCallStatus(call).label} · ${callTitle(call)} · Call Agent`;
    // While on the line, the talk time in the header counts up each second.
    if (call.status === 'in-progress' && !ticker) ticker = setInterval(() => slots.meta.update(call), 1000);
    if (call.status !== 'in-progress') stopTicker();
  }

  function showConnection() {
    // A finished call with its outcome has nothing more to wait for; "Live" would only distract.
    const watching = call && (isUnderway(call.status) || (call.status === 'completed' && !call.outcome));
    connectionBadge.hidden = !watching;
    connectionBadge.dataset.state = connection;
    connectionBadge.textContent = CONNECTION_TEXT[connection];
  }

  function showMissing() {
    document.title = 'Call not found · Call Agent';
    title.textContent = 'Call not found';
    loading.replaceChildren('There is no call at this address. The link may be incomplete. ', el('a', { href: '#/' }, 'Place a new call'));
  }

  function stopTicker() {
    clearInterval(ticker);
    ticker = null;
  }

  return {
    element,
    start() {
      document.title = 'Call · Call Agent';
      if (initialCall) receive({ type: 'snapshot', data: initialCall });
      stopFollowing = followCall({
        api,
        id,
        onEvent: receive,
        onConnection(state) {
          connection = state;
          showConnection();
        },
        onMissing: showMissing,
      });
    },
    destroy() {
      stopFollowing?.();
      stopTicker();
      recording.destroy();
    },
  };
}

/** A piece of the page re-rendered only when its key changes, not on every transcript line. */
function slot(render, keyOf) {
  const element = el('div');
  let key;
  return {
    element,
    update(call) {
      const next = keyOf(call);
      if (next === key) return;
      key = next;
      element.replaceChildren(render(call) ?? '');
    },
  };
}

function renderStatus(call) {
  const status = describeCallStatus(call);
  return el(
    'span',
    { class: 'status-line' },
    el('span', { class: `badge badge-large tone-${status.tone}`, dataset: { testid: 'call-status', status: call.status } }, status.label),
    el('span', { class: 'status-summary' }, status.summary),
  );
}

function renderMeta(call) {
  const talked = talkTime(call);
  const held = holdTime(call);
  return el(
    'p',
    { class: 'call-meta', dataset: { testid: 'call-meta' } },
    el('span', {}, call.to),
    el('span', {}, 'Placed ', formatWhen(call.createdAt)),
    call.userName ? el('span', {}, `On behalf of ${call.userName}`) : null,
    talked ? el('span', {}, `${call.status === 'in-progress' ? 'On the line for' : 'Talked for'} ${talked}`) : null,
    held ? el('span', { class: 'on-hold', dataset: { testid: 'on-hold' } }, `On hold ${held}`) : null,
  );
}

function renderIssue(call) {
  return el('p', { class: 'issue-text' }, call.issue);
}

function holdTime(call) {
  const since = onHoldSince(call);
  return since === null ? null : formatDuration(Math.max(0, Date.now() - since));
}

function talkTime(call) {
  const ms = talkTimeMs(call.timeline);
  return ms === null ? null : formatDuration(ms);
}
