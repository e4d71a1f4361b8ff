// status: the call's own statuses; timeline: line events; partial: words still being spoken (never stored).
const EVENT_TYPES = ['snapshot', 'status', 'timeline', 'transcript', 'partial', 'outcome'];
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 30_000;

/**
 * Follows one call live over `GET /calls/:id/events`.
 * `onEvent({ type, data })` gets every event; `onConnection(state)` gets 'connecting' | 'live' |
 * 'reconnecting' | 'offline'; `onMissing()` fires when the call does not exist. Returns `stop()`.
 */
export function followCall({ api, id, onEvent, onConnection, onMissing }) {
  let source = null;
  let retryTimer = null;
  let retryMs = FIRST_RETRY_MS;
  let stopped = false;

  function open() {
    onConnection('connecting');
    source = new EventSource(api.callEventsUrl(id));
    source.addEventListener('open', () => {
      retryMs = FIRST_RETRY_MS;
      onConnection('live');
    });
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (message) => {
        const data = parseJson(message.data);
        if (data !== undefined) onEvent({ type, data });
      });
    }
    source.addEventListener('error', () => {
      if (stopped) return;
      // CONNECTING: the browser is already retrying a dropped stream by itself.
      if (source.readyState === EventSource.CONNECTING) return onConnection('reconnecting');
      // CLOSED: the server answered with something other than an event stream (a 404, a proxy error),
      // and EventSource never retries that on its own.
      source.close();
      onConnection('offline');
      recover();
    });
  }

  async function recover() {
    let call = null;
    try {
      call = await api.getCall(id);
    } catch (error) {
      if (!stopped && error.status === 404) {
        stop();
        onMissing();
      }
    }
    if (stopped) return;
    if (call) onEvent({ type: 'snapshot', data: call });
    retryTimer = setTimeout(open, retryMs);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }

  function stop() {
    stopped = true;
    clearTimeout(retryTimer);
    source?.close();
  }

  open();
  return stop;
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
