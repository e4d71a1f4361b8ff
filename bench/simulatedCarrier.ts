import { monitorEventLoopDelay } from 'node:perf_hooks';
import twilio from 'twilio';
import { FRAME_MS } from '../common/audio/mulaw.js';
import { bridgeInstanceFor } from '../common/bridgeInstance.js';
import { signCallToken } from '../common/callToken.js';
import { BARGE_IN_TIMEOUT_MS, CarrierCall } from './carrierCall.js';
import { RelayMeasurements, type RelaySummary } from './relayMeasurements.js';

export interface CarrierRunOptions {
  calls: number;
  /** One port per bridge process; each call goes to the one its id picks, as the API does. */
  bridgePorts: number[];
  /** The bridge's public stream URL: what the signature covers; its path is where we connect. */
  publicUrl: string;
  authToken: string;
  callTokenSecret: string;
  /** Calls connect evenly spread over this long. */
  rampMs: number;
  /** After the ramp, before measuring: sessions settle, buffered audio drains. */
  warmupMs: number;
  measureMs: number;
  bargeInEveryMs: number;
  onMeasureStart?: () => void;
  onMeasureEnd?: () => void;
}

export interface CarrierRunResult extends RelaySummary {
  /** Calls whose stream was open and sending when the window opened (the rest could not connect in time). */
  liveCalls: number;
  droppedCalls: number;
  /** How late the carrier's event loop ran at p99: a floor under every latency it reports. */
  carrierLoopDelayP99Ms: number;
  problems: string[];
}

const MAX_PROBLEMS_KEPT = 20;

/**
 * N simulated carrier calls against the bridge, paced from one monotonic clock. Each call's frames are due
 * every 20 ms on a grid, the calls' phases spread evenly over the frame so the load is smooth (as it is
 * with many independent calls). Resolves once the window is measured and every call has hung up.
 */
export function runSimulatedCarrier(options: CarrierRunOptions): Promise<CarrierRunResult> {
  const start = performance.now() + 50;
  const rampEnd = start + options.rampMs;
  const window = { from: rampEnd + options.warmupMs, until: rampEnd + options.warmupMs + options.measureMs };
  // Barge-ins sent at the very end still get their full timeout to be answered.
  const drainUntil = window.until + BARGE_IN_TIMEOUT_MS + 500;
  const maxFrames = Math.ceil((window.until - start) / FRAME_MS) + 2;
  const measurements = new RelayMeasurements(window);
  const signature = twilio.getExpectedTwilioSignature(options.authToken, options.publicUrl, {});
  const urlOf = (callId: string) => `ws://127.0.0.1:${options.bridgePorts[bridgeInstanceFor(callId, options.bridgePorts.length)]}${new URL(options.publicUrl).pathname}`;
  const rampStep = options.rampMs / options.calls;
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  const problems: string[] = [];
  let problemCount = 0;
  const calls: CarrierCall[] = [];
  let phase: 'ramp' | 'measure' | 'drain' = 'ramp';
  let liveCalls = 0;

  const connect = (i: number) => {
    const callId = `bench${String(i).padStart(4, '0')}`;
    return new CarrierCall(
      {
        url: urlOf(callId),
        signature,
        callId,
        callToken: signCallToken(options.callTokenSecret, callId),
        origin: start + (i * FRAME_MS) / options.calls,
        maxFrames,
        firstBargeInAt: rampEnd + (i * options.bargeInEveryMs) / options.calls,
        bargeInEveryMs: options.bargeInEveryMs,
        measurements,
      },
      (problem) => {
        if (++problemCount <= MAX_PROBLEMS_KEPT) problems.push(problem);
      },
    );
  };

  return new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (calls.length < options.calls && now >= start + calls.length * rampStep) calls.push(connect(calls.length));
      if (phase === 'ramp' && now >= window.from) {
        phase = 'measure';
        liveCalls = calls.filter((c) => c.live).length;
        loopDelay.enable();
        options.onMeasureStart?.();
      }
      if (phase === 'measure' && now >= window.until) {
        phase = 'drain';
        loopDelay.disable();
        options.onMeasureEnd?.();
      }
      for (const call of calls) call.tick(now, window.until);
      if (now >= drainUntil) {
        for (const call of calls) call.finish();
        if (problemCount > MAX_PROBLEMS_KEPT) problems.push(`... and ${problemCount - MAX_PROBLEMS_KEPT} more`);
        return resolve({
          ...measurements.summary(),
          liveCalls,
          droppedCalls: calls.filter((c) => c.dropped).length + (options.calls - calls.length),
          carrierLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
          problems,
        });
      }
      // Wake for the next frame due; at least every 2 ms so played marks are echoed on time.
      let next = now + 2;
      if (calls.length < options.calls) next = Math.min(next, start + calls.length * rampStep);
      for (const call of calls) next = Math.min(next, call.nextFrameDueAt);
      setTimeout(tick, Math.max(0, next - performance.now()));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
}
