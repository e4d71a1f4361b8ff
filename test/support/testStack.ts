import { startEphemeralStack, type EphemeralStack } from '../../stack/ephemeralStack.js';

export type TestStack = EphemeralStack;

/** The whole system for an end-to-end test; stack logs show with LOG_LEVEL set. */
export function startTestStack(extraEnv: NodeJS.ProcessEnv = {}): Promise<TestStack> {
  // One quick retry, so tests see the retry without waiting minutes for it.
  return startEphemeralStack({ RETRY_DELAYS_SECONDS: '1', RING_TIMEOUT_SECONDS: '5', ...extraEnv }, process.env.LOG_LEVEL ? (m) => process.stdout.write(`stack | ${m}\n`) : undefined);
}
