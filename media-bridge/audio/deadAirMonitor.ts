import { levelDbfs } from '../../common/audio/mulaw.js';

export interface DeadAirEvent {
  type: 'dead-air';
  silentForMs: number;
}

export interface DeadAirMonitorOptions {
  /** Far-end silence that counts as dead air. Default 8 s. */
  afterMs?: number;
}

/** Sound must rise this far above the line's own noise floor to count as the far end talking. */
const ABOVE_FLOOR_DB = 12;
/** Nor below this, however quiet the line. */
const MIN_SPEECH_DBFS = -55;
/** 60 ms of sound in a row: shorter bursts are clicks and pops. */
const MIN_SPEECH_FRAMES = 3;
/** The noise floor follows the line down at once and up slowly (1 dB a second), so speech never becomes the floor. */
const FLOOR_RISE_DB_PER_FRAME = 0.02;
const LOWEST_FLOOR_DBFS = -75;

/**
 * Notices dead air in a live conversation: no speech from the far end for a while (hiss and hum
 * do not count, however loud the line), so the agent can check in. Fires once per silence; the
 * far end speaking starts the count again, and so does reset(), which the bridge calls whenever
 * the agent speaks (the far end is listening then, not gone).
 */
export class DeadAirMonitor {
  private readonly afterMs: number;
  /** Starts high so the first quiet frame sets it, whatever the line's noise. */
  private floorDbfs = 0;
  private speechFrames = 0;
  private silentSinceMs: number | null = null;
  private fired = false;

  constructor(options: DeadAirMonitorOptions = {}) {
    const afterMs = options.afterMs ?? 8000;
    if (!Number.isFinite(afterMs) || afterMs <= 0) throw new RangeError('DeadAirMonitor: afterMs must be a positive number of ms');
    this.afterMs = afterMs;
  }

  /** `nowMs`: the call time at which this frame starts. */
  push(frame: Uint8Array, nowMs: number): DeadAirEvent | null {
    const level = Math.max(LOWEST_FLOOR_DBFS, levelDbfs(frame));
    this.floorDbfs = Math.min(level, this.floorDbfs + FLOOR_RISE_DB_PER_FRAME);
    const speaking = level >= Math.max(MIN_SPEECH_DBFS, this.floorDbfs + ABOVE_FLOOR_DB);
    this.speechFrames = speaking ? this.speechFrames + 1 : 0;
    if (this.speechFrames >= MIN_SPEECH_FRAMES || this.silentSinceMs === null) {
      this.silentSinceMs = nowMs;
      this.fired = false;
      return null;
    }
    const silentForMs = nowMs - this.silentSinceMs;
    if (this.fired || silentForMs < this.afterMs) return null;
    this.fired = true;
    return { type: 'dead-air', silentForMs };
  }

  /** The agent just spoke: the far end's silence counts from now. */
  reset(nowMs?: number): void {
    this.silentSinceMs = nowMs ?? null;
    this.fired = false;
  }
}
