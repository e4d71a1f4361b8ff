import { sentenceCase } from './sentenceCase.js';
import { formatWhen } from './timeFormat.js';

// How the workflow words why an attempt is retried (workflows/callWorkflow.ts).
const RETRY_REASONS = {
  busy: 'the line was busy',
  'with no answer': 'nobody answered',
  'dropped before the agent finished': 'the call dropped before the agent finished',
};

const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/**
 * Detail text written by the server, made readable: sentence case, times as people say them.
 * `timeOptions` ({ now, timeZone, locale }) are for tests.
 */
export function readableText(text, timeOptions = {}) {
  return sentenceCase(text.trim().replace(ISO_TIME, (iso) => formatWhen(iso, timeOptions)));
}

/** "attempt 1 ended busy; next attempt at <ISO>" → "Attempt 1: the line was busy. Next attempt: Today, 14:05." */
export function describeRetry(detail, timeOptions = {}) {
  if (!detail) return null;
  const parsed = /^attempt (\d+) ended (.+); next attempt at (\S+)$/.exec(detail);
  if (!parsed) return readableText(detail, timeOptions);
  const [, attempt, reason, at] = parsed;
  const why = RETRY_REASONS[reason] ?? `it ended ${reason}`;
  return `Attempt ${attempt}: ${why}. Next attempt: ${readableText(at, timeOptions)}.`;
}
