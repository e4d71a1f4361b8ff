/**
 * Folds the events of `GET /calls/:id/events` into the call shown on screen.
 * A snapshot replaces everything (it is sent first, and again after every reconnect); the other events
 * may repeat what a snapshot already holds, so each is applied at most once.
 */
export function applyCallEvent(call, { type, data }) {
  if (type === 'snapshot') return fromSnapshot(data);
  if (!call) return call;
  switch (type) {
    case 'status':
      return withStatus(call, data);
    case 'transcript':
      return withTranscriptLine(call, data);
    case 'outcome':
      return { ...call, outcome: data };
    default:
      return call;
  }
}

function fromSnapshot(snapshot) {
  return {
    ...snapshot,
    timeline: [...(snapshot.timeline ?? [])].sort(byTime),
    transcript: [...(snapshot.transcript ?? [])].sort(bySeq),
    outcome: snapshot.outcome ?? null,
  };
}

function withStatus(call, entry) {
  const seen = call.timeline.some((t) => t.status === entry.status && t.at === entry.at);
  if (seen) return call;
  const timeline = [...call.timeline, entry].sort(byTime);
  // The newest entry decides the status, even if an older one arrives late.
  const latest = timeline[timeline.length - 1];
  return { ...call, timeline, status: latest.status, updatedAt: latest.at };
}

function withTranscriptLine(call, line) {
  if (call.transcript.some((l) => l.seq === line.seq)) return call;
  return { ...call, transcript: [...call.transcript, line].sort(bySeq) };
}

function byTime(a, b) {
  return Date.parse(a.at) - Date.parse(b.at);
}

function bySeq(a, b) {
  return a.seq - b.seq;
}

/** How long the person was on the line: from the first `in-progress` to the next status after it. */
export function talkTimeMs(timeline, now = Date.now()) {
  const start = timeline.findIndex((t) => t.status === 'in-progress');
  if (start === -1) return null;
  const end = timeline.slice(start + 1).find((t) => t.status !== 'in-progress');
  return (end ? Date.parse(end.at) : now) - Date.parse(timeline[start].at);
}
