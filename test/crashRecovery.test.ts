import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ACME, FINAL_STATUSES, ISSUE } from './support/acmeCall.js';
import { getJson, postJson, waitFor } from './support/http.js';
import { startTestStack, type TestStack } from './support/testStack.js';

// Non-negotiable: a crash of any one process loses no call and no outcome. The stack's supervisor
// restarts a killed process; Temporal and Postgres hold everything the call needs meanwhile.
describe('crashes during a call', { timeout: 300_000 }, () => {
  let stack: TestStack;
  before(async () => {
    // Long enough for a killed bridge to be back before the dropped call is placed again.
    stack = await startTestStack({ RETRY_DELAYS_SECONDS: '4,4' });
  });
  after(async () => {
    await stack?.stop();
  });

  it('still brings back the case number when the worker and then the API are killed mid-call', async () => {
    const created = await postJson(`${stack.api}/calls`, { to: ACME, issue: ISSUE, company: 'Acme Telecom', userName: 'Jane Doe' });
    assert.equal(created.status, 201);
    const id = created.body.id;
    await waitFor('the call to be answered', () => getJson(`${stack.api}/calls/${id}`).then((r) => r.body), (c) => c.status === 'in-progress');
    process.kill(stack.stack.processes.get('worker')!.pid!, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 4000));
    process.kill(stack.stack.processes.get('api')!.pid!, 'SIGKILL');

    const call = await waitFor(
      'the call to finish',
      () => getJson(`${stack.api}/calls/${id}`).then((r) => r.body).catch(() => ({ status: 'api restarting' })),
      (c) => FINAL_STATUSES.includes(c.status),
    );
    assert.equal(call.status, 'completed');
    const truth = await getJson(`${stack.sandbox}/_sandbox/calls/${call.callSid}`);
    assert.equal(call.outcome?.caseNumber, truth.body.facts.caseNumber);
    assert.ok(call.transcript.some((l: any) => l.speaker === 'agent' && l.text.includes(ISSUE)));
  });

  it('calls again when the media-bridge dies mid-call and the line drops', async () => {
    const created = await postJson(`${stack.api}/calls`, { to: ACME, issue: ISSUE, company: 'Acme Telecom', userName: 'Jane Doe' });
    const id = created.body.id;
    await waitFor('the agent to start talking', () => getJson(`${stack.api}/calls/${id}`).then((r) => r.body), (c) => c.transcript.some((l: any) => l.speaker === 'agent'));
    process.kill(stack.stack.processes.get('bridge')!.pid!, 'SIGKILL');

    const call = await waitFor('the call to finish', () => getJson(`${stack.api}/calls/${id}`).then((r) => r.body), (c) => FINAL_STATUSES.includes(c.status));
    assert.equal(call.status, 'completed');
    const statuses = call.timeline.map((e: any) => e.status);
    assert.ok(statuses.includes('retry-scheduled'), `the dropped call was retried: ${statuses}`);
    const truth = await getJson(`${stack.sandbox}/_sandbox/calls/${call.callSid}`);
    assert.equal(call.outcome?.caseNumber, truth.body.facts.caseNumber);
  });
});
