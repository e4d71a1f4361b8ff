import { el } from './element.js';

/**
 * A labelled control with an optional hint and a slot for its error message, wired so screen readers
 * read the hint and the error with the control.
 */
export function formField({ id, label, hint, optional = false, control }) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const error = el('p', { class: 'field-error', id: errorId, hidden: true });
  control.id = id;
  describe(control, [hintId]);

  const element = el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label, optional ? el('span', { class: 'optional' }, ' (optional)') : null),
    hint ? el('p', { class: 'hint', id: hintId }, hint) : null,
    error,
    control,
  );

  return {
    element,
    control,
    setError(message) {
      showError(control, error, message);
      describe(control, message ? [hintId, errorId] : [hintId]);
    },
  };
}

/** Shows or clears `message` in an error slot, marking `control` (if any) invalid while it is shown. */
export function showError(control, errorSlot, message) {
  errorSlot.textContent = message ?? '';
  errorSlot.hidden = !message;
  if (!control) return;
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

function describe(control, ids) {
  const value = ids.filter(Boolean).join(' ');
  if (value) control.setAttribute('aria-describedby', value);
  else control.removeAttribute('aria-describedby');
}
