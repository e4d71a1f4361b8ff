import { el } from './element.js';

/**
 * "Try an incoming call": while the sandbox runs, a scripted caller can ring the user's number and the agent
 * answers; the call then shows up in the history like any other.
 */
export function createSandboxCallIn() {
  const status = el('p', { class: 'hint', role: 'status', 'aria-live': 'polite', dataset: { testid: 'sandbox-call-in-status' } });
  const button = el('button', { type: 'button', class: 'button', dataset: { testid: 'sandbox-call-in' } }, 'Have a sandbox caller ring me');
  const element = el(
    'section',
    { class: 'form-section', hidden: true, 'aria-labelledby': 'sandbox-call-in-title' },
    el('h2', { id: 'sandbox-call-in-title' }, 'Try an incoming call'),
    el('p', { class: 'hint' }, 'A caller from the sandbox rings your number; the agent answers as your assistant and takes a message.'),
    button,
    status,
  );
  return {
    element,
    async load(api) {
      try {
        element.hidden = (await api.listSandboxBusinesses()).length === 0;
      } catch {
        element.hidden = true;
      }
      button.onclick = async () => {
        button.disabled = true;
        status.textContent = 'Calling…';
        try {
          const placed = await api.ringFromSandbox();
          status.textContent = `${placed.caller?.name ?? 'A caller'} is calling your number. The call appears in your history.`;
        } catch (error) {
          status.textContent = error.message;
        } finally {
          button.disabled = false;
        }
      };
    },
  };
}
