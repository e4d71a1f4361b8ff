import { createHash } from 'node:crypto';
import type { AppConfig } from './config.js';

/**
 * Which media-bridge instance carries a call. A call's stream is opened more than once (again after
 * every key press, and when it moves into a conference), and each time it must reach the process that
 * holds its voice-model session, so the choice is a pure function of the call id: the same on every
 * webhook, in every API process, across restarts and upgrades (the test pins it). Changing
 * BRIDGE_INSTANCES moves calls, so change it only when no call is live.
 */
export function bridgeInstanceFor(callId: string, instances: number): number {
  if (instances <= 1) return 0;
  return createHash('sha256').update(callId).digest().readUInt32BE(0) % instances;
}

/** The `<Stream url>` for a call. */
export function streamUrlFor(bridge: AppConfig['bridge'], callId: string): string {
  return bridge.streamUrls[bridgeInstanceFor(callId, bridge.streamUrls.length)];
}
