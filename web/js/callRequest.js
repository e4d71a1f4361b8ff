const E164 = /^\+[1-9]\d{1,14}$/;

/** People type numbers with spaces, dashes, dots and brackets; the API wants bare E.164. */
export function normalizePhoneNumber(raw) {
  return raw.replace(/[\s().-]/g, '');
}

/**
 * Turns what the form holds into a `POST /calls` body, or explains what to fix.
 * `facts` are the key/value rows as typed; fully blank rows are ignored.
 * Error paths match the API's (`to`, `issue`, ...) plus `facts.<row>.key|value` for one row.
 */
export function buildCallRequest({ to, company = '', userName = '', issue, goal = '', facts = [] }) {
  const errors = [];
  const body = {};

  const number = normalizePhoneNumber(to);
  if (!number) errors.push({ path: 'to', message: 'Enter the phone number to call.' });
  else if (!E164.test(number)) {
    errors.push({ path: 'to', message: 'Enter the number in international format: + then the country code, like +12125550100.' });
  }
  body.to = number;

  const issueText = issue.trim();
  if (!issueText) errors.push({ path: 'issue', message: 'Describe the issue the agent should sort out.' });
  body.issue = issueText;

  setIfPresent(body, 'company', company);
  setIfPresent(body, 'userName', userName);
  setIfPresent(body, 'goal', goal);

  const collected = collectFacts(facts, errors);
  if (Object.keys(collected).length) body.facts = collected;

  return { body, errors };
}

function setIfPresent(body, key, value) {
  const trimmed = value.trim();
  if (trimmed) body[key] = trimmed;
}

function collectFacts(rows, errors) {
  const facts = {};
  rows.forEach((row, index) => {
    const key = row.key.trim();
    const value = row.value.trim();
    if (!key && !value) return;
    if (!key) {
      errors.push({ path: `facts.${index}.key`, message: 'Give this detail a name, like “Account number”.' });
    } else if (!value) {
      errors.push({ path: `facts.${index}.value`, message: `Enter a value for “${key}”, or remove the row.` });
    } else if (Object.hasOwn(facts, key)) {
      errors.push({ path: `facts.${index}.key`, message: `“${key}” is listed twice.` });
    } else {
      facts[key] = value;
    }
  });
  return facts;
}
