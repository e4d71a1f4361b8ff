/**
 * What a call's timeline says about the call. Entries are either the call's own statuses (`kind: 'status'`)
 * or things that happened on the line (`kind: 'event'`: audio connected, on hold, retry scheduled...); each
 * also carries `callStatus`, the call's status when the server read the entry.
 */

// Within one attempt a call only moves forward through these ranks; a retry starts a new attempt.
const STATUS_RANK = {
  scheduled: 0,
  queued: 1,
  dialing: 2,
  ringing: 3,
  'in-progress': 4,
  completed: 5,
  busy: 5,
  'no-answer': 5,
  failed: 5,
  canceled: 5,
};
const FINAL_RANK = 5;

export function isCallStatus(name) {
  return typeof name === 'string' && Object.hasOwn(STATUS_RANK, name);
}

export function isFinalStatus(status) {
  return STATUS_RANK[status] === FINAL_RANK;
}

export function isStatusEntry(entry) {
  return (entry.kind ?? (isCallStatus(entry.status) ? 'status' : 'event')) === 'status';
}

/** The server sends the same entry again after a reconnect or a snapshot race; these fields identify it. */
export function isSameEntry(a, b) {
  return a.status === b.status && a.at === b.at && (a.detail ?? null) === (b.detail ?? null);
}

/** Orders by time; entries with the same time keep the order they were received in (sort is stable). */
export function byTime(a, b) {
  return Date.parse(a.at) - Date.parse(b.at);
}

/**
 * The call's status once `entry` has arrived. Only real statuses count, and they never move backwards
 * within an attempt: entries can be delivered out of order, each with the status as it was when read.
 * A new `retry-scheduled` entry is the one way back: the call waits (`scheduled`) for its next attempt.
 */
export function statusAfterEntry(call, entry, { isNew }) {
  const reported = entry.callStatus ?? (isStatusEntry(entry) ? entry.status : entry.status === 'retry-scheduled' ? 'scheduled' : null);
  if (!isCallStatus(reported)) return call.status;
  const attemptStartedAt = latestRetryAt(call.timeline);
  const at = Date.parse(entry.at);
  // Anything from before the latest retry is about an attempt that is over.
  if (at < attemptStartedAt) return call.status;
  if (entry.status === 'retry-scheduled' && isNew) return reported;
  if (!isCallStatus(call.status)) return reported;
  return !isFinalStatus(call.status) && STATUS_RANK[reported] > STATUS_RANK[call.status] ? reported : call.status;
}

/** The newest entry of this kind (`retry-scheduled`, `user-needed`...), or null. */
export function latestEntry(timeline, status) {
  for (let i = timeline.length - 1; i >= 0; i--) if (timeline[i].status === status) return timeline[i];
  return null;
}

function latestRetryAt(timeline) {
  const retry = latestEntry(timeline, 'retry-scheduled');
  return retry ? Date.parse(retry.at) : -Infinity;
}

/** The `retry-scheduled` entry a call waiting between attempts is waiting on, or null. */
export function pendingRetry(call) {
  return call.status === 'scheduled' ? latestEntry(call.timeline, 'retry-scheduled') : null;
}

/** The agent's request to bring the user onto the line, while this attempt's call is still live. */
export function pendingUserRequest(call) {
  if (call.status !== 'in-progress') return null;
  const request = latestEntry(call.timeline, 'user-needed');
  if (!request || Date.parse(request.at) < latestRetryAt(call.timeline)) return null;
  // Once the user has been dialed in (or could not be), the request has been answered.
  const answered = ['user-joined', 'user-unreachable'].map((status) => latestEntry(call.timeline, status));
  return answered.some((entry) => entry && Date.parse(entry.at) >= Date.parse(request.at)) ? null : request;
}

/**
 * How long the agent was on the line: from each `in-progress` status to the final status that ends its
 * attempt, summed over attempts; an attempt still on the line counts up to `now`. Line events (audio ended,
 * agent hung up...) do not end it: the carrier's final status says when the call was over. A retried attempt
 * gets no final status, so it ends where its audio last ended (or at the retry).
 * Null when nobody ever answered. `timeline` must be in time order.
 */
export function talkTimeMs(timeline, now = Date.now()) {
  let total = null;
  let since = null;
  let audioEndedAt = null;
  for (const entry of timeline) {
    const at = Date.parse(entry.at);
    if (since === null) {
      if (entry.status === 'in-progress' && isStatusEntry(entry)) since = at;
    } else if (entry.status === 'media-ended') {
      audioEndedAt = at;
    } else if ((isStatusEntry(entry) && isFinalStatus(entry.status)) || entry.status === 'retry-scheduled') {
      const end = isStatusEntry(entry) ? at : (audioEndedAt ?? at);
      total = (total ?? 0) + end - since;
      since = null;
      audioEndedAt = null;
    }
  }
  if (since !== null) total = (total ?? 0) + now - since;
  return total;
}

/**
 * When the call went on hold, while it still is (no one has picked up since and the audio has not ended),
 * or null. Hold is detected by the bridge on the line's audio.
 */
export function onHoldSince(call) {
  if (call.status !== 'in-progress') return null;
  for (let i = call.timeline.length - 1; i >= 0; i--) {
    const entry = call.timeline[i];
    if (entry.status === 'hold-started') return Date.parse(entry.at);
    if (['human-reached', 'media-ended', 'voicemail-beep'].includes(entry.status) || isStatusEntry(entry)) return null;
  }
  return null;
}

