import { el } from './element.js';

/**
 * "Call a sandbox business": shown only while the API runs with the sandbox, it fills the number and
 * company fields from one of the simulated businesses.
 */
export function createBusinessPicker({ onPick }) {
  let businesses = [];
  const select = el('select', { id: 'sandbox-business', 'aria-describedby': 'sandbox-business-hint', dataset: { testid: 'sandbox-business-select' } });
  const hint = el('p', { class: 'hint', id: 'sandbox-business-hint' });
  const element = el(
    'div',
    { class: 'sandbox-picker', hidden: true },
    el('label', { for: select.id }, 'Call a sandbox business'),
    select,
    hint,
  );

  select.addEventListener('change', () => {
    const business = selected();
    showHint();
    if (business) onPick(business);
  });

  function selected() {
    return businesses.find((b) => b.id === select.value);
  }

  function showHint() {
    hint.textContent = selected()?.description || 'Simulated companies with phone menus, hold queues and agents. No real phone calls.';
  }

  return {
    element,
    async load(api) {
      try {
        businesses = await api.listSandboxBusinesses();
      } catch {
        // The picker is a convenience; the form works without it.
        businesses = [];
      }
      select.replaceChildren(
        el('option', { value: '' }, 'Choose a business…'),
        ...businesses.map((b) => el('option', { value: b.id }, `${b.name} · ${b.phoneNumber}`)),
      );
      showHint();
      element.hidden = businesses.length === 0;
    },
    /** Forgets the choice once the number no longer belongs to it (the user typed another). */
    keepOnlyIfNumber(number) {
      if (selected() && selected().phoneNumber !== number) {
        select.value = '';
        showHint();
      }
    },
  };
}
