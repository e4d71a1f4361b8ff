import { byTime, isFinalStatus, isSameEntry, statusAfterEntry } from './callTimeline.js';

const SPEAKERS_WITH_PARTIALS = ['agent', 'callee'];
// Enough to recognise a late partial of a line that just ended; older items never come back.
const FINISHED_ITEMS_KEPT = 20;

/**
 * Folds the events of `GET /calls/:id/events` into the call shown on screen.
 * A snapshot replaces everything (it is sent first, and again after every reconnect); the other events
 * may repeat what a snapshot already holds, so each is applied at most once. Malformed events are ignored.
 *
 * Besides the API's call fields, the result holds `partials`: what someone is saying right now
 * (`{ speaker, itemId, text }`, at most one per speaker, oldest first), each replaced by its final
 * transcript line when that arrives.
 */
export function applyCallEvent(call, { type, data }) {
  if (type === 'snapshot') return isObject(data) ? fromSnapshot(data) : call;
  if (!call) return call;
  switch (type) {
    case 'status':
    case 'timeline':
      return isTimelineEntry(data) ? withTimelineEntry(call, data) : call;
    case 'transcript':
      return isTranscriptLine(data) ? withTranscriptLine(call, data) : call;
    case 'partial':
      return isPartial(data) ? withPartial(call, data) : call;
    case 'outcome':
      return isObject(data) ? { ...call, outcome: data } : call;
    default:
      return call;
  }
}

function fromSnapshot(snapshot) {
  return {
    ...snapshot,
    timeline: [...(snapshot.timeline ?? [])].filter(isTimelineEntry).sort(byTime),
    transcript: [...(snapshot.transcript ?? [])].filter(isTranscriptLine).sort(bySeq),
    outcome: snapshot.outcome ?? null,
    partials: [],
    finishedItems: [],
  };
}

function withTimelineEntry(call, entry) {
  const isNew = !call.timeline.some((known) => isSameEntry(known, entry));
  const status = statusAfterEntry(call, entry, { isNew });
  if (!isNew && status === call.status) return call;
  const timeline = isNew ? [...call.timeline, entry].sort(byTime) : call.timeline;
  // Once the call is over nobody is speaking; a partial whose final line never came would linger.
  const partials = isFinalStatus(status) ? [] : call.partials;
  return { ...call, timeline, status, partials };
}

function withTranscriptLine(call, line) {
  if (call.transcript.some((l) => l.seq === line.seq)) return call;
  const transcript = [...call.transcript, line].sort(bySeq);
  // Final lines carry no item id: the speaker's provisional line is the one this line completes.
  const finished = call.partials.filter((p) => p.speaker === line.speaker);
  if (!finished.length) return { ...call, transcript };
  return {
    ...call,
    transcript,
    partials: call.partials.filter((p) => p.speaker !== line.speaker),
    finishedItems: [...call.finishedItems, ...finished.map((p) => p.itemId)].slice(-FINISHED_ITEMS_KEPT),
  };
}

function withPartial(call, partial) {
  if (isFinalStatus(call.status) || call.finishedItems.includes(partial.itemId)) return call;
  const current = call.partials.find((p) => p.speaker === partial.speaker);
  if (current?.itemId === partial.itemId) {
    if (current.text === partial.text) return call;
    return { ...call, partials: call.partials.map((p) => (p === current ? { ...current, text: partial.text } : p)) };
  }
  // A new utterance from this speaker replaces the one before it (whose final line may never come).
  const others = call.partials.filter((p) => p !== current);
  return { ...call, partials: [...others, { speaker: partial.speaker, itemId: partial.itemId, text: partial.text }] };
}

function bySeq(a, b) {
  return a.seq - b.seq;
}

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTimelineEntry(value) {
  return isObject(value) && typeof value.status === 'string' && typeof value.at === 'string' && !Number.isNaN(Date.parse(value.at));
}

function isTranscriptLine(value) {
  return isObject(value) && Number.isFinite(value.seq) && typeof value.speaker === 'string' && typeof value.text === 'string';
}

function isPartial(value) {
  return isObject(value) && SPEAKERS_WITH_PARTIALS.includes(value.speaker) && typeof value.itemId === 'string' && value.itemId !== '' && typeof value.text === 'string';
}
