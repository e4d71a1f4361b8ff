import { describeStatus } from './callPresentation.js';
import { isCallStatus, isStatusEntry } from './callTimeline.js';
import { describeRetry, readableText } from './readableDetail.js';
import { sentenceCase } from './sentenceCase.js';

// Words for what happened on the line, as opposed to the call's own statuses.
const LINE_EVENTS = {
  'media-connected': { label: 'Audio connected', tone: 'muted' },
  'media-ended': { label: 'Audio ended', tone: 'muted' },
  'hold-started': { label: 'On hold', tone: 'neutral' },
  'human-reached': { label: 'A person picked up', tone: 'active' },
  'user-needed': { label: 'Needs you on the call', tone: 'warning' },
  'user-joined': { label: 'You joined the call', tone: 'active' },
  'user-unreachable': { label: 'Could not reach you', tone: 'warning' },
  'user-left': { label: 'You left the call', tone: 'neutral' },
  'voicemail-beep': { label: 'Voicemail beep', tone: 'neutral' },
  'voicemail-hang-up': { label: 'Hung up at voicemail', tone: 'warning' },
  'keys-not-taken': { label: 'Keys not taken', tone: 'warning' },
  escalated: { label: 'Asked for a supervisor', tone: 'warning' },
  'agent-hung-up': { label: 'Agent hung up', tone: 'neutral' },
  'retry-scheduled': { label: 'Retry scheduled', tone: 'warning' },
};

// Twilio's AnsweredBy values.
const ANSWERED_BY = {
  human: 'a person',
  machine_start: 'machine',
  machine_end_beep: 'machine',
  machine_end_silence: 'machine',
  machine_end_other: 'machine',
  fax: 'fax',
  unknown: 'unknown',
};

// Carrier ids (stream MZ..., call CA...) mean nothing to a person; nor does the agent's default reason.
const CARRIER_ID = /^[A-Z]{2}[0-9a-f]{32}$/i;
const SAYS_NOTHING = new Set(['done']);

/**
 * A timeline entry in words: `{ label, tone, detail }`, detail null when there is nothing worth reading.
 * `timeOptions` ({ now, timeZone, locale }) are for tests.
 */
export function describeTimelineEntry(entry, timeOptions = {}) {
  if (isStatusEntry(entry)) {
    const { label, tone } = describeStatus(entry.status);
    return { label: isCallStatus(entry.status) ? label : sentenceCase(readableName(entry.status)), tone, detail: statusDetail(entry.detail, timeOptions) };
  }
  if (entry.status === 'answered-by') {
    const who = ANSWERED_BY[entry.detail] ?? readableName(entry.detail ?? 'unknown').toLowerCase();
    return { label: `Answered by: ${who}`, tone: 'neutral', detail: null };
  }
  const known = LINE_EVENTS[entry.status];
  const label = known?.label ?? sentenceCase(readableName(entry.status));
  const detail = entry.status === 'retry-scheduled' ? describeRetry(entry.detail, timeOptions) : eventDetail(entry.detail, label, timeOptions);
  return { label, tone: known?.tone ?? 'neutral', detail };
}

function statusDetail(detail, timeOptions) {
  if (!detail || CARRIER_ID.test(detail.trim())) return null;
  // The carrier's duration (rounded up by it) would contradict the header's talk time by a second.
  if (/^duration \d+s$/.test(detail)) return null;
  return readableText(detail, timeOptions);
}

function eventDetail(detail, label, timeOptions) {
  if (!detail || CARRIER_ID.test(detail.trim())) return null;
  // "on hold" under the label "On hold" says nothing new.
  const words = detail.trim().toLowerCase();
  if (words === label.toLowerCase() || SAYS_NOTHING.has(words)) return null;
  return readableText(detail, timeOptions);
}

/** "no-answer" / "machine_start" → "no answer" / "machine start": hyphens would also break lines badly. */
function readableName(name) {
  return String(name).replace(/[-_]+/g, ' ');
}
