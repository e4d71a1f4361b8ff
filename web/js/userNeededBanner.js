import { pendingUserRequest } from './callTimeline.js';
import { el } from './element.js';
import { readableText } from './readableDetail.js';

/**
 * The agent asked to bring the user onto the line (only they can answer, e.g. an account-holder check).
 * Shown while that call is still live; an alert, since it asks the person to act now.
 */
export function renderUserNeeded(call) {
  const request = pendingUserRequest(call);
  if (!request) return null;
  return el(
    'section',
    { class: 'needs-you', role: 'alert', dataset: { testid: 'user-needed' } },
    el('h2', { class: 'needs-you-title' }, 'Your agent needs you on this call'),
    request.detail ? el('p', { class: 'needs-you-reason' }, readableText(request.detail)) : null,
    el('p', { class: 'needs-you-note' }, 'The agent is keeping the representative on the line and calling your phone to bring you in.'),
  );
}
