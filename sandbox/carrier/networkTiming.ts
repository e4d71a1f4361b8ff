/** How long the phone network takes; short, so sandbox calls and tests are quick. */
export interface NetworkTiming {
  /** queued -> initiated */
  dialMs: number;
  /** initiated -> ringing */
  connectMs: number;
  /** one ring */
  ringMs: number;
  /** initiated -> busy signal */
  busyMs: number;
  /** initiated -> failed (nobody serves the number) */
  failMs: number;
}

export const DEFAULT_NETWORK_TIMING: NetworkTiming = { dialMs: 50, connectMs: 200, ringMs: 1000, busyMs: 500, failMs: 300 };
