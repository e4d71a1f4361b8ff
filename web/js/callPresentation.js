import { pendingRetry } from './callTimeline.js';
import { describeRetry } from './readableDetail.js';

// Words and colours for what the API reports. Tones map to badge styles in css/base.css.

const STATUSES = {
  scheduled: { label: 'Scheduled', tone: 'neutral', summary: 'Waiting for the scheduled time to call.' },
  queued: { label: 'Queued', tone: 'neutral', summary: 'About to dial.' },
  dialing: { label: 'Dialing', tone: 'active', summary: 'Placing the call…' },
  ringing: { label: 'Ringing', tone: 'active', summary: 'Ringing, waiting for someone to pick up.' },
  'in-progress': { label: 'On the call', tone: 'active', summary: 'The agent is on the line.' },
  completed: { label: 'Completed', tone: 'success', summary: 'The call has ended.' },
  busy: { label: 'Busy', tone: 'warning', summary: 'The line was busy.' },
  'no-answer': { label: 'No answer', tone: 'warning', summary: 'Nobody picked up.' },
  failed: { label: 'Failed', tone: 'danger', summary: 'The call could not be placed or was cut off.' },
  canceled: { label: 'Canceled', tone: 'muted', summary: 'The call was canceled.' },
};

const RESOLUTIONS = {
  yes: { label: 'Resolved', tone: 'success' },
  partial: { label: 'Partly resolved', tone: 'warning' },
  no: { label: 'Not resolved', tone: 'danger' },
  unknown: { label: 'Outcome unclear', tone: 'neutral' },
};

export function describeStatus(status) {
  return STATUSES[status] ?? { label: status, tone: 'neutral', summary: '' };
}

/**
 * The status badge for a call: its status in words, except that a call waiting for its next attempt
 * (scheduled again after a retry) says so, and when.
 */
export function describeCallStatus(call) {
  const retry = pendingRetry({ status: call.status, timeline: call.timeline ?? [] });
  if (!retry) return describeStatus(call.status);
  return { label: 'Retrying later', tone: 'warning', summary: describeRetry(retry.detail) ?? 'The call will be tried again.' };
}

/** Still moving: worth watching, and worth refreshing in the call list. */
export function isUnderway(status) {
  return ['scheduled', 'queued', 'dialing', 'ringing', 'in-progress'].includes(status);
}

export function describeResolution(resolved) {
  return RESOLUTIONS[resolved] ?? RESOLUTIONS.unknown;
}

export function speakerName(speaker, call) {
  if (speaker === 'agent') return 'Your agent';
  if (speaker === 'callee') return call.company || 'Representative';
  return 'Call event';
}

/** What a call is called in lists and headings: the company if known, else the number. */
export function callTitle(call) {
  return call.company || call.to;
}
