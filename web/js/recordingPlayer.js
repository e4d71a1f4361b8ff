import { isUnderway } from './callPresentation.js';
import { el } from './element.js';

// The carrier hands over the recording a little after the call ends (the workflow waits up to 5 minutes),
// so an answered call's recording is looked for a while before giving up.
const FIRST_CHECK_DELAY_MS = 3_000;
const MAX_CHECK_DELAY_MS = 30_000;
const GIVE_UP_AFTER_MS = 6 * 60_000;

/**
 * A player for the call's recording, shown once the call is over if it was recorded (`options.record`)
 * and the recording exists; hidden while there is none (404).
 */
export function createRecordingPlayer({ api, id }) {
  const element = el('div', { hidden: true });
  let started = false;
  let stopped = false;
  let timer = null;

  async function look(call, delayMs, startedAt) {
    let found = false;
    try {
      found = await api.hasRecording(id);
    } catch {
      // A network hiccup is no answer; the next look decides.
    }
    if (stopped) return;
    if (found) return show();
    // Only an answered call can have a recording on its way.
    const waitedEnough = Date.now() - startedAt > GIVE_UP_AFTER_MS;
    if (call.status !== 'completed' || waitedEnough) return;
    timer = setTimeout(() => look(call, Math.min(delayMs * 2, MAX_CHECK_DELAY_MS), startedAt), delayMs);
  }

  function show() {
    const url = api.recordingUrl(id);
    element.replaceChildren(
      el(
        'section',
        { class: 'card recording-card', 'aria-labelledby': 'recording-title', dataset: { testid: 'recording' } },
        el('h2', { id: 'recording-title' }, 'Recording'),
        el('audio', { controls: true, preload: 'metadata', src: url, 'aria-labelledby': 'recording-title' }),
        el('a', { href: url, download: `${id}.wav`, class: 'recording-download' }, 'Download the recording'),
      ),
    );
    element.hidden = false;
  }

  return {
    element,
    update(call) {
      if (started || !call.options?.record || isUnderway(call.status)) return;
      started = true;
      look(call, FIRST_CHECK_DELAY_MS, Date.now());
    },
    destroy() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
