import { STEADY_FLUX_DB, type FrameHistory } from './frameHistory.js';

/** Frames within this of a stretch's loudest frame are its active sound. */
const ACTIVE_WITHIN_DB = 20;
/**
 * Frames this far below the loudest, and this quiet, are dips: a live voice pauses down to the
 * line's noise (-50 to -65 dBFS), while music keeps a bed under any voice, even one ducked for an
 * announcement (10-20 dB down, rarely below -40 dBFS).
 */
const DIP_BELOW_PEAK_DB = 25;
const DIP_MAX_DBFS = -42;
/** A stretch whose loudest frame is quieter than this is silence (line noise sits near -60). */
export const SILENCE_DBFS = -50;
/** Sound this flat and this even is hiss, however loud: a noisy line, not music. */
export const HISS_FLATNESS = 0.5;
export const HISS_MAX_SPREAD_DB = 2;

/** How a stretch of frames looks, the evidence for telling speech from music, tones and silence. */
export interface StretchSummary {
  frames: number;
  peakDbfs: number;
  /** Frames within ACTIVE_WITHIN_DB of the peak. */
  activeFrames: number;
  /** Share of all frames that dip well below the peak. */
  dipShare: number;
  /** Mean spectral flux over active frames, dB: speech ~4-9, music ~0.5-4. */
  meanFluxDb: number;
  /** Share of active frames whose spectrum held still. */
  steadyShare: number;
  /** Longest run of consecutive steady active frames. */
  longestSteadyRun: number;
  /** Mean spectral flatness over active frames: hiss ~0.6, music and voices lower. */
  meanFlatness: number;
  /** Standard deviation of the active frames' levels, dB: hiss ~1, anything with a rhythm more. */
  levelSpreadDb: number;
  ringbackShare: number;
  repeatedShare: number;
}

export function emptySummary(): StretchSummary {
  return { frames: 0, peakDbfs: -120, activeFrames: 0, dipShare: 0, meanFluxDb: 0, steadyShare: 0, longestSteadyRun: 0, meanFlatness: 0, levelSpreadDb: 0, ringbackShare: 0, repeatedShare: 0 };
}

/** Summarizes frames `from`..`to` (inclusive, FrameFeatures indices still held) into `out`. */
export function summarize(history: FrameHistory, from: number, to: number, out: StretchSummary): StretchSummary {
  const start = Math.max(from, history.oldest);
  let peak = -120;
  for (let i = start; i <= to; i++) peak = Math.max(peak, history.levelDbfs[history.slot(i)]);
  const activeFloor = peak - ACTIVE_WITHIN_DB;
  const dipCeiling = Math.min(peak - DIP_BELOW_PEAK_DB, DIP_MAX_DBFS);
  let active = 0;
  let dips = 0;
  let flux = 0;
  let flatness = 0;
  let levelSum = 0;
  let levelSquares = 0;
  let steady = 0;
  let run = 0;
  let longestRun = 0;
  let ringback = 0;
  let repeated = 0;
  for (let i = start; i <= to; i++) {
    const slot = history.slot(i);
    ringback += history.ringback[slot];
    repeated += history.repeated[slot];
    const level = history.levelDbfs[slot];
    if (level < dipCeiling) dips++;
    if (level < activeFloor) {
      run = 0;
      continue;
    }
    active++;
    flux += history.fluxDb[slot];
    flatness += history.flatness[slot];
    levelSum += level;
    levelSquares += level * level;
    if (history.fluxDb[slot] < STEADY_FLUX_DB) {
      steady++;
      longestRun = Math.max(longestRun, ++run);
    } else {
      run = 0;
    }
  }
  const frames = Math.max(0, to - start + 1);
  out.frames = frames;
  out.peakDbfs = peak;
  out.activeFrames = active;
  out.dipShare = frames > 0 ? dips / frames : 0;
  out.meanFluxDb = active > 0 ? flux / active : 0;
  out.steadyShare = active > 0 ? steady / active : 0;
  out.longestSteadyRun = longestRun;
  out.meanFlatness = active > 0 ? flatness / active : 0;
  out.levelSpreadDb = active > 0 ? Math.sqrt(Math.max(0, levelSquares / active - (levelSum / active) ** 2)) : 0;
  out.ringbackShare = frames > 0 ? ringback / frames : 0;
  out.repeatedShare = frames > 0 ? repeated / frames : 0;
  return out;
}

/**
 * Thresholds measured on espeak voices against five styles of synthesized hold music. A voice
 * must change its spectrum by 2.5 dB a frame on average (sung lines over music stay below); with
 * true pauses as well, 2 dB will do (a drawn-out "hello?" glides slowly).
 */
const SPEECH = { minDipShare: 0.05, minFluxDb: 2.5, minFluxWithPausesDb: 2, maxSteadyShare: 0.3, maxSteadyRun: 5 };

/**
 * How strongly the stretch looks like speech, -1..1 (> 0 = speech): speech pauses between words,
 * so its level dips, and its spectrum never holds still for long. Music keeps a bed under any
 * voice (no dips) and sustains notes (steady frames).
 */
export function speechLikeness(s: StretchSummary): number {
  return Math.min(voiceLikeness(s, SPEECH.minFluxWithPausesDb), clampedMargin(s.dipShare - SPEECH.minDipShare, SPEECH.minDipShare));
}

/**
 * Like speechLikeness without asking for pauses: a voice that may have something underneath it,
 * such as an announcement over quieted music.
 */
export function voiceLikeness(s: StretchSummary, minFluxDb = SPEECH.minFluxDb): number {
  if (s.peakDbfs < SILENCE_DBFS || s.activeFrames === 0) return -1;
  return Math.min(
    clampedMargin(s.meanFluxDb - minFluxDb, minFluxDb),
    clampedMargin(SPEECH.maxSteadyShare - s.steadyShare, SPEECH.maxSteadyShare),
    clampedMargin(SPEECH.maxSteadyRun + 0.5 - s.longestSteadyRun, SPEECH.maxSteadyRun + 0.5),
  );
}

function clampedMargin(distance: number, scale: number): number {
  return Math.max(-1, Math.min(1, distance / scale));
}
