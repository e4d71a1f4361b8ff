import assert from 'node:assert/strict';
import { getJson, postJson, waitFor } from './http.js';
import type { TestStack } from './testStack.js';

export const ACME = '+18005550101';
export const ISSUE = 'I was charged twice for my October bill and want the duplicate charge refunded.';
export const FINAL_STATUSES = ['completed', 'busy', 'no-answer', 'failed', 'canceled'];

/**
 * Places a call to the sandbox's Acme Telecom through the API, waits for it to finish, and checks what a
 * user cares about: it completed, the agent stated the issue, and the case number the business made up
 * for this call is the one stored in the outcome.
 */
export async function callAcmeAndCheckOutcome(stack: TestStack): Promise<any> {
  const created = await postJson(`${stack.api}/calls`, {
    to: ACME, issue: ISSUE, company: 'Acme Telecom', userName: 'Jane Doe', facts: { 'Account number': '4417 2290' },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const call = await waitFor('the call to finish', () => getJson(`${stack.api}/calls/${created.body.id}`).then((r) => r.body), (c) => FINAL_STATUSES.includes(c.status));
  assert.equal(call.status, 'completed', JSON.stringify(call.timeline));

  const truth = await getJson(`${stack.sandbox}/_sandbox/calls/${call.callSid}`);
  assert.equal(truth.status, 200);
  assert.match(truth.body.facts.caseNumber, /^ACM\d{5}$/);
  assert.equal(call.outcome?.caseNumber, truth.body.facts.caseNumber);

  const agentLines: string[] = call.transcript.filter((l: any) => l.speaker === 'agent').map((l: any) => l.text);
  assert.ok(agentLines.some((t) => t.includes(ISSUE)), `agent never stated the issue: ${JSON.stringify(agentLines)}`);
  return call;
}
