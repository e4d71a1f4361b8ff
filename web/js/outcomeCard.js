import { describeResolution } from './callPresentation.js';
import { el } from './element.js';

/**
 * What the call achieved: resolution, case number, next steps, summary. While a finished call's
 * outcome is still being written up, a placeholder says so; before that there is nothing to show.
 */
export function renderOutcome(call) {
  if (call.outcome) return outcomeCard(call.outcome);
  if (call.status !== 'completed') return null;
  return el(
    'section',
    { class: 'card outcome-card outcome-pending', dataset: { testid: 'outcome-pending' } },
    el('h2', {}, 'Outcome'),
    el('p', { class: 'muted' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Writing up what was agreed on the call…'),
  );
}

function outcomeCard(outcome) {
  const resolution = describeResolution(outcome.resolved);
  const nextSteps = outcome.nextSteps ?? [];
  return el(
    'section',
    { class: `card outcome-card outcome-${resolution.tone}`, 'aria-labelledby': 'outcome-title', dataset: { testid: 'outcome' } },
    el(
      'div',
      { class: 'outcome-head' },
      el('h2', { id: 'outcome-title' }, 'Outcome'),
      el('span', { class: `badge tone-${resolution.tone}`, dataset: { testid: 'outcome-resolved' } }, resolution.label),
    ),
    caseNumberBlock(outcome.caseNumber),
    outcome.summary ? el('p', { class: 'outcome-summary', dataset: { testid: 'outcome-summary' } }, outcome.summary) : null,
    nextSteps.length
      ? el(
          'div',
          { class: 'next-steps' },
          el('h3', {}, 'Next steps'),
          el('ol', { dataset: { testid: 'outcome-next-steps' } }, nextSteps.map((step) => el('li', {}, step))),
        )
      : null,
  );
}

function caseNumberBlock(caseNumber) {
  if (!caseNumber) return el('p', { class: 'case-number case-number-missing muted' }, 'No case number was given on this call.');
  const value = el('span', { class: 'case-number-value', dataset: { testid: 'outcome-case-number' } }, caseNumber);
  return el('div', { class: 'case-number' }, el('span', { class: 'case-number-label' }, 'Case number'), value, copyButton(caseNumber));
}

function copyButton(text) {
  // The clipboard API exists only in secure contexts (https, localhost).
  if (!navigator.clipboard) return null;
  const label = el('span', {}, 'Copy');
  const button = el('button', { type: 'button', class: 'button button-quiet button-small' }, label, el('span', { class: 'visually-hidden' }, ' case number'));
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      label.textContent = 'Copied';
    } catch {
      label.textContent = 'Could not copy';
    }
    setTimeout(() => (label.textContent = 'Copy'), 2000);
  });
  return button;
}
