import { buildCallRequest, normalizePhoneNumber } from './callRequest.js';
import { createBusinessPicker } from './businessPicker.js';
import { createSandboxCallIn } from './sandboxCallIn.js';
import { el } from './element.js';
import { createFactsEditor } from './factsEditor.js';
import { formField } from './formField.js';
import { newIdempotencyKey } from './idempotencyKey.js';

const REMEMBERED_NAME = 'callAgent.userName';

/** The "New call" page. Calls `onCreated(call)` with the API's answer once the call is placed. */
export function createNewCallView({ api, onCreated }) {
  const fields = {
    to: formField({
      id: 'call-to',
      label: 'Phone number',
      hint: 'With the country code, like +1 212 555 0100.',
      control: el('input', { type: 'tel', name: 'to', inputmode: 'tel', autocomplete: 'off', required: true, dataset: { testid: 'new-call-to' } }),
    }),
    company: formField({
      id: 'call-company',
      label: 'Company',
      optional: true,
      hint: 'Who the agent will be talking to.',
      control: el('input', { type: 'text', name: 'company', autocomplete: 'off', dataset: { testid: 'new-call-company' } }),
    }),
    issue: formField({
      id: 'call-issue',
      label: 'What’s the problem?',
      hint: 'Explain it as you would to a friend: what happened, when, and what you have tried.',
      control: el('textarea', { name: 'issue', rows: 5, required: true, dataset: { testid: 'new-call-issue' } }),
    }),
    goal: formField({
      id: 'call-goal',
      label: 'What would count as solved?',
      optional: true,
      hint: 'For example: refund the second charge.',
      control: el('input', { type: 'text', name: 'goal', autocomplete: 'off', dataset: { testid: 'new-call-goal' } }),
    }),
    userName: formField({
      id: 'call-user-name',
      label: 'Your name',
      optional: true,
      hint: 'The agent calls on your behalf and gives this name.',
      control: el('input', { type: 'text', name: 'userName', autocomplete: 'name', value: rememberedName(), dataset: { testid: 'new-call-user-name' } }),
    }),
  };
  const facts = createFactsEditor();
  const callIn = createSandboxCallIn();
  const picker = createBusinessPicker({
    onPick(business) {
      fields.to.control.value = business.phoneNumber;
      fields.company.control.value = business.name;
      fields.to.setError(null);
    },
  });
  fields.to.control.addEventListener('input', () => picker.keepOnlyIfNumber(normalizePhoneNumber(fields.to.control.value)));

  const summary = el('div', { class: 'error-summary', tabindex: '-1', hidden: true, 'aria-labelledby': 'error-summary-title', dataset: { testid: 'new-call-errors' } });
  const submit = el('button', { type: 'submit', class: 'button button-primary', dataset: { testid: 'new-call-submit' } }, 'Place call');
  const form = el(
    'form',
    { class: 'new-call-form', novalidate: true, dataset: { testid: 'new-call-form' }, 'aria-labelledby': 'new-call-title' },
    section('Who to call', picker.element, el('div', { class: 'field-pair' }, fields.to.element, fields.company.element)),
    section('The problem', fields.issue.element, fields.goal.element),
    section('About you', fields.userName.element, facts.element),
    el('div', { class: 'form-actions' }, submit, el('p', { class: 'hint' }, 'The call starts right away. You can watch it live.')),
  );
  const element = el(
    'section',
    { class: 'page new-call-page' },
    el('h1', { id: 'new-call-title', tabindex: '-1' }, 'New call'),
    el('p', { class: 'lede' }, 'Describe the problem once. The agent calls, finds its way through the phone menu, waits on hold and comes back with the outcome.'),
    summary,
    form,
    callIn.element,
  );

  // One key per filled-in form: a retry after a lost answer must not place a second call. A definite
  // refusal (4xx) placed nothing, so the corrected form gets a fresh key.
  let idempotencyKey = newIdempotencyKey();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.getAttribute('aria-busy') === 'true') return;
    const { body, errors } = buildCallRequest({
      to: fields.to.control.value,
      company: fields.company.control.value,
      userName: fields.userName.control.value,
      issue: fields.issue.control.value,
      goal: fields.goal.control.value,
      facts: facts.values(),
    });
    if (errors.length) return showErrors('Check the form', errors);
    showErrors(null, []);
    setBusy(true);
    try {
      const call = await api.createCall(body, idempotencyKey);
      rememberName(body.userName);
      onCreated(call);
    } catch (error) {
      if (error.status >= 400 && error.status < 500) idempotencyKey = newIdempotencyKey();
      const details = error.details?.length ? error.details : [{ path: '', message: error.message }];
      showErrors('The call was not placed', details);
    } finally {
      setBusy(false);
    }
  });

  function setBusy(busy) {
    form.setAttribute('aria-busy', String(busy));
    submit.disabled = busy;
    submit.textContent = busy ? 'Placing call…' : 'Place call';
  }

  /** Marks each field, then lists every problem at the top and moves focus there. */
  function showErrors(title, errors) {
    for (const field of Object.values(fields)) field.setError(null);
    facts.showErrors(errors.filter((e) => String(e.path).startsWith('facts')));
    const items = errors.map(({ path, message }) => {
      const key = String(path);
      const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
      field?.setError(message);
      const control = field?.control ?? (key.startsWith('facts') ? facts.controlFor(key) : null);
      if (!control) return el('li', {}, message);
      return el('li', {}, el('button', { type: 'button', class: 'link-button', onclick: () => control.focus() }, message));
    });
    summary.hidden = errors.length === 0;
    if (!errors.length) return summary.replaceChildren();
    summary.replaceChildren(el('h2', { id: 'error-summary-title' }, title), el('ul', {}, items));
    summary.focus();
  }

  return {
    element,
    start() {
      document.title = 'New call · Call Agent';
      picker.load(api);
      callIn.load(api);
    },
    destroy() {},
  };
}

function section(title, ...children) {
  return el('fieldset', { class: 'form-section' }, el('legend', { class: 'section-title' }, title), ...children);
}

function rememberedName() {
  try {
    return localStorage.getItem(REMEMBERED_NAME) ?? '';
  } catch {
    return '';
  }
}

function rememberName(name) {
  try {
    if (name) localStorage.setItem(REMEMBERED_NAME, name);
  } catch {
    // Private browsing may refuse storage; remembering the name is only a convenience.
  }
}
