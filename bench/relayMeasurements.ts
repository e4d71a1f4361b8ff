import { FRAME_MS } from '../common/audio/mulaw.js';
import { SampleSet } from './sampleSet.js';

/** Figures for the frames and barge-ins that fell inside the measurement window. */
export interface RelaySummary {
  framesSent: number;
  framesReturned: number;
  /** Sent in the window but never came back before the run ended. */
  framesLost: number;
  /** Sent more than one frame (20 ms) behind schedule: the carrier side fell behind. */
  sendLatePct: number;
  /** Came back more than 20 ms after they were due, or never: what a listener would hear as a gap. */
  lateFramesPct: number;
  p50AddedMs: number;
  p99AddedMs: number;
  maxAddedMs: number;
  /** Carrier send to carrier receive, stub time included. */
  p50RoundTripMs: number;
  p99RoundTripMs: number;
  p99StubHoldMs: number;
  bargeIns: number;
  bargeInP50Ms: number;
  bargeInP99Ms: number;
  /** Barge-ins with no `clear` within the timeout. */
  bargeInsMissed: number;
  /** `clear` messages with no barge-in waiting for one (a late answer to a barge-in already counted as missed, too). */
  unexpectedClears: number;
}

/**
 * Collects per-frame and per-barge-in timings from every simulated call. Frames count when they were due
 * inside [from, until); barge-ins when their loud frame was sent inside it. All times are monotonic ms
 * (performance.now()) of the one process that sends and receives, so no clocks need to agree.
 */
export class RelayMeasurements {
  private sent = 0;
  private sentLate = 0;
  private returned = 0;
  private returnedLate = 0;
  private readonly added = new SampleSet(1 << 16);
  private readonly roundTrip = new SampleSet(1 << 16);
  private readonly stubHold = new SampleSet(1 << 16);
  private readonly bargeIn = new SampleSet();
  private missed = 0;
  private unexpected = 0;

  constructor(private readonly window: { from: number; until: number }) {}

  frameSent(dueAt: number, sentAt: number): void {
    if (!this.inWindow(dueAt)) return;
    this.sent++;
    if (sentAt - dueAt > FRAME_MS) this.sentLate++;
  }

  frameReturned(dueAt: number, sentAt: number, receivedAt: number, stubHoldMs: number): void {
    if (!this.inWindow(dueAt)) return;
    this.returned++;
    if (receivedAt - dueAt > FRAME_MS) this.returnedLate++;
    this.roundTrip.add(receivedAt - sentAt);
    this.stubHold.add(stubHoldMs);
    this.added.add(Math.max(0, receivedAt - sentAt - stubHoldMs));
  }

  bargeInCleared(sentAt: number, clearedAt: number): void {
    if (this.inWindow(sentAt)) this.bargeIn.add(clearedAt - sentAt);
  }

  bargeInMissed(sentAt: number): void {
    if (this.inWindow(sentAt)) this.missed++;
  }

  unexpectedClear(): void {
    this.unexpected++;
  }

  summary(): RelaySummary {
    const lost = Math.max(0, this.sent - this.returned);
    const [p50Added, p99Added] = this.added.percentiles([50, 99]);
    const [p50RoundTrip, p99RoundTrip] = this.roundTrip.percentiles([50, 99]);
    const [bargeInP50, bargeInP99] = this.bargeIn.percentiles([50, 99]);
    return {
      framesSent: this.sent,
      framesReturned: this.returned,
      framesLost: lost,
      sendLatePct: percent(this.sentLate, this.sent),
      lateFramesPct: percent(this.returnedLate + lost, this.sent),
      p50AddedMs: p50Added,
      p99AddedMs: p99Added,
      maxAddedMs: this.added.max,
      p50RoundTripMs: p50RoundTrip,
      p99RoundTripMs: p99RoundTrip,
      p99StubHoldMs: this.stubHold.percentile(99),
      bargeIns: this.bargeIn.size + this.missed,
      bargeInP50Ms: bargeInP50,
      bargeInP99Ms: bargeInP99,
      bargeInsMissed: this.missed,
      unexpectedClears: this.unexpected,
    };
  }

  private inWindow(at: number): boolean {
    return at >= this.window.from && at < this.window.until;
  }
}

function percent(part: number, whole: number): number {
  return whole ? (100 * part) / whole : NaN;
}
