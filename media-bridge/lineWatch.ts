import { BeepDetector } from './audio/beepDetector.js';
import { DeadAirMonitor } from './audio/deadAirMonitor.js';
import type { FrameFeatures } from './audio/frameAnalyzer.js';

export type LineWatchEvent = { type: 'voicemail-beep'; frequencyHz: number } | { type: 'dead-air'; silentForMs: number };

// How long the far end may say nothing, once the conversation has started, before the agent checks in
// (and, after as long again, gives up). Representatives go quiet for a while when they look things up.
const DEAD_AIR_MS = 20_000;

/** Watches the far end's audio for a voicemail beep, and for dead air once a conversation is under way. */
export class LineWatch {
  private readonly beep = new BeepDetector();
  private readonly deadAir = new DeadAirMonitor({ afterMs: DEAD_AIR_MS });
  private conversing = false;

  /**
   * `features`: this frame's analysis when the hold gate already made it (`HoldGate.features`), so the
   * beep detector does not analyse the frame a second time. Give it with every frame or with none.
   */
  push(frame: Buffer, callMs: number, onHold: boolean, features?: Readonly<FrameFeatures>): LineWatchEvent | null {
    const beep = features ? this.beep.pushFeatures(features, callMs) : this.beep.push(frame, callMs);
    if (beep) return { type: 'voicemail-beep', frequencyHz: beep.frequencyHz };
    // Silence on hold, or before anyone has talked (a menu waiting for keys), is not dead air.
    if (onHold || !this.conversing) {
      this.deadAir.reset(callMs);
      return null;
    }
    return this.deadAir.push(frame, callMs);
  }

  /** The agent just spoke: the far end's silence counts from now. */
  agentSpoke(callMs: number): void {
    this.conversing = true;
    this.deadAir.reset(callMs);
  }
}
