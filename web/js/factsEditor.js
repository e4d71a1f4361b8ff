import { el } from './element.js';
import { showError } from './formField.js';

let nextRowId = 1;

/**
 * Key/value rows for facts the agent may be asked for (account number, order id...).
 * Errors use `buildCallRequest`'s paths: `facts.<row>.key|value` for one row, `facts...` otherwise.
 */
export function createFactsEditor() {
  const rows = [];
  const list = el('div', { class: 'fact-rows' });
  const groupError = el('p', { class: 'field-error', id: 'facts-error', hidden: true });
  const addButton = el(
    'button',
    { type: 'button', class: 'button button-quiet', dataset: { testid: 'add-fact' }, onclick: () => addRow().key.focus() },
    'Add a detail',
  );
  const element = el(
    'fieldset',
    { class: 'facts', 'aria-describedby': 'facts-hint' },
    el('legend', {}, 'Details the agent can give', el('span', { class: 'optional' }, ' (optional)')),
    el('p', { class: 'hint', id: 'facts-hint' }, 'Things they may ask for, like an account number, order ID or the date of a charge.'),
    groupError,
    list,
    addButton,
  );

  function addRow() {
    const id = nextRowId++;
    const key = el('input', { type: 'text', id: `fact-key-${id}`, placeholder: 'Account number', autocomplete: 'off', dataset: { testid: 'fact-key' } });
    const value = el('input', { type: 'text', id: `fact-value-${id}`, placeholder: '4417 2200 1983', autocomplete: 'off', dataset: { testid: 'fact-value' } });
    const keyLabel = el('label', { for: key.id, class: 'fact-label' });
    const valueLabel = el('label', { for: value.id, class: 'fact-label' });
    const remove = el('button', { type: 'button', class: 'button button-icon', onclick: () => removeRow(row) }, '✕');
    const error = el('p', { class: 'field-error fact-error', id: `fact-error-${id}`, hidden: true });
    const element = el(
      'div',
      { class: 'fact-row' },
      el('div', { class: 'fact-cell' }, keyLabel, key),
      el('div', { class: 'fact-cell' }, valueLabel, value),
      remove,
      error,
    );
    const row = { element, key, value, keyLabel, valueLabel, remove, error };
    rows.push(row);
    list.append(element);
    numberRows();
    return row;
  }

  function removeRow(row) {
    const index = rows.indexOf(row);
    rows.splice(index, 1);
    row.element.remove();
    numberRows();
    // Keep keyboard users where they were: on the row that moved up, else on "Add a detail".
    (rows[index]?.key ?? rows[index - 1]?.key ?? addButton).focus();
  }

  function numberRows() {
    rows.forEach((row, index) => {
      row.keyLabel.textContent = `Detail ${index + 1}: name`;
      row.valueLabel.textContent = `Detail ${index + 1}: value`;
      row.remove.setAttribute('aria-label', `Remove detail ${index + 1}`);
    });
  }

  function clearErrors() {
    showError(null, groupError, null);
    for (const row of rows) {
      showError(row.key, row.error, null);
      showError(row.value, row.error, null);
      row.key.removeAttribute('aria-describedby');
      row.value.removeAttribute('aria-describedby');
    }
  }

  return {
    element,
    values: () => rows.map((row) => ({ key: row.key.value, value: row.value.value })),
    /** Shows the errors whose paths start with `facts`. */
    showErrors(errors) {
      clearErrors();
      for (const { path, message } of errors) {
        const target = rowControl(path);
        if (target) {
          showError(target.control, target.row.error, message);
          target.control.setAttribute('aria-describedby', target.row.error.id);
        } else {
          showError(null, groupError, message);
        }
      }
    },
    /** The control an error with this path is about, for "go to the problem" links. */
    controlFor(path) {
      return rowControl(path)?.control ?? rows[0]?.key ?? addButton;
    },
  };

  function rowControl(path) {
    const match = /^facts\.(\d+)\.(key|value)$/.exec(path);
    const row = match ? rows[Number(match[1])] : undefined;
    return row ? { row, control: row[match[2]] } : null;
  }
}
