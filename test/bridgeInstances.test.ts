import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { callIdFor } from '../api/callRequest.js';
import { LOCAL_USER_ID } from '../api/owner.js';
import { bridgeInstanceFor } from '../common/bridgeInstance.js';
import type { SandboxBusiness } from '../eval/runEval.js';
import { scoreCall } from '../eval/scoreCall.js';
import { FINAL_STATUSES } from './support/acmeCall.js';
import { getJson, postJson, waitFor } from './support/http.js';
import { startTestStack, type TestStack } from './support/testStack.js';

const INSTANCES = 2;
const SCENARIOS = fileURLToPath(new URL('./fixtures/scenarios', import.meta.url));

/** An Idempotency-Key whose call the API will send to the given bridge instance. */
function keyForInstance(prefix: string, instance: number): string {
  for (let n = 0; ; n++) {
    const key = `${prefix}-${n}`;
    if (bridgeInstanceFor(callIdFor(LOCAL_USER_ID, key), INSTANCES) === instance) return key;
  }
}

// Two bridge processes, a call on each. Both walk a two-menu phone tree with the carrier's keys, so each
// key press ends the call's media stream and opens a new one, which must reach the process holding its
// voice session.
describe('media-bridge instances side by side', { timeout: 600_000 }, () => {
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack({ BRIDGE_INSTANCES: String(INSTANCES), SANDBOX_SCENARIOS: SCENARIOS });
  });
  after(async () => {
    await stack?.stop();
  });

  it('spreads calls over both, and each call stays on its instance through every key press to a good outcome', async () => {
    const businesses = (await getJson(`${stack.sandbox}/_sandbox/businesses`)).body as SandboxBusiness[];
    const business = businesses.find((b) => b.id === 'two-menu-line');
    assert.ok(business?.expected, 'the test scenario is loaded');
    const plans = [0, 1].map((instance) => ({ business, instance }));
    const bridgeHealth = stack.stack.config.bridge.ports.map((port) => `http://127.0.0.1:${port}/health`);
    const busiest = bridgeHealth.map(() => 0);
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const calls = await Promise.all(bridgeHealth.map((url) => getJson(url).then((r) => r.body.calls as number)));
        calls.forEach((n, i) => (busiest[i] = Math.max(busiest[i], n)));
        await new Promise((r) => setTimeout(r, 250));
      }
    })();

    const results = await Promise.all(plans.map(async ({ business, instance }) => {
      const expected = business.expected!;
      const created = await postJson(`${stack.api}/calls`, {
        to: business.number, company: business.name, userName: 'Jane Doe', issue: expected.issue,
        facts: { 'Full name': 'Jane Doe', ...(expected.callerFacts ?? {}) },
      }, { 'Idempotency-Key': keyForInstance(`bridge-instance-${instance}`, instance) });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const call = await waitFor(`the call to ${business.name}`, () => getJson(`${stack.api}/calls/${created.body.id}`).then((r) => r.body), (c) => FINAL_STATUSES.includes(c.status), 300_000);
      const truth = (await getJson(`${stack.sandbox}/_sandbox/calls/${call.callSid}`)).body;
      return { business: `${business.id} on instance ${instance}`, score: scoreCall(expected, call, truth) };
    }));
    watching = false;
    await watch;

    for (const { business, score } of results) {
      assert.ok(score.success, `${business}: ${score.misses.join('; ')}`);
      assert.equal(score.keysPressed, score.expectedKeys, `${business}: the keys the business took`);
    }
    // Each instance held its own call and never the other's: a stream that reached the wrong instance
    // would have opened a second session there (a fresh voice session that has forgotten the call).
    assert.deepEqual(busiest, [1, 1], 'most calls held at once by each instance');
  });
});
