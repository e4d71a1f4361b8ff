import { after, before, describe, it } from 'node:test';
import { callAcmeAndCheckOutcome } from './support/acmeCall.js';
import { startTestStack, type TestStack } from './support/testStack.js';

// The same conversation as callEndToEnd's, with the bridge reaching the voice engine over a plain
// ws:// socket instead of the official client over TLS: both transports must carry a whole call.
describe('a call with the voice engine over a plain WebSocket', { timeout: 240_000 }, () => {
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack({ VOICE_ENGINE_TLS: 'off' });
  });
  after(async () => {
    await stack?.stop();
  });

  it('gets the case number just the same', async () => {
    await callAcmeAndCheckOutcome(stack);
  });
});
