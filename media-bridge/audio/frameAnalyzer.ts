import { decodeSample, FRAME_BYTES, MULAW_SILENCE, SAMPLE_RATE } from '../../common/audio/mulaw.js';
import { RealFft } from './realFft.js';
import { goertzelCoefficient, goertzelPower } from '../../common/audio/goertzel.js';

/** What one 20 ms frame of line audio looks like. One object per analyzer, overwritten each frame. */
export interface FrameFeatures {
  /** Frames analysed so far, this one included. */
  index: number;
  /** RMS level of the frame's own 160 samples, dBFS (-120 for digital silence). */
  levelDbfs: number;
  /** Spectral flatness over the mel bands (geometric over arithmetic mean of power per Hz): ~1 for hiss, low for tones and voices. */
  flatness: number;
  /** Frequency of the strongest spectral peak in 250-3500 Hz, interpolated between bins. */
  peakHz: number;
  /** Share of the spectrum's energy within two bins of that peak: ~1 for a single pure tone. */
  peakShare: number;
  /** Share of the last 50 ms's energy at 440 Hz plus 480 Hz, each counted only if both are present. */
  ringbackShare: number;
  /** Log energy (natural log) of coarse mel-spaced bands, the basis of fingerprints and flux. */
  bandLogEnergy: Float64Array;
  /** Mean absolute change of bandLogEnergy since the previous frame, in dB. */
  fluxDb: number;
}

const FFT_SIZE = 256;
export const BAND_COUNT = 17;
const HISTORY = 400;
const BIN_HZ = SAMPLE_RATE / FFT_SIZE;
const LOW_BIN = Math.round(250 / BIN_HZ);
const HIGH_BIN = Math.round(3500 / BIN_HZ);
const SILENT_DBFS = -120;
/** Keeps logarithms finite on digital silence: far below the power of mu-law's smallest step. */
const POWER_FLOOR = 1e-12;
const NEPER_TO_DB = 10 / Math.LN10;

const LINEAR = new Float64Array(256);
for (let b = 0; b < 256; b++) LINEAR[b] = decodeSample(b) / 32768;

const HANN = new Float64Array(FFT_SIZE);
for (let i = 0; i < FFT_SIZE; i++) HANN[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (FFT_SIZE - 1));

/** Band edges in FFT bins, mel-spaced between 250 and 3500 Hz, each band at least two bins wide. */
const BAND_EDGES = melBandEdges();
// analyzeSpectrum walks the peak's search range band by band: the bands must start where it does and end within it.
if (BAND_EDGES[0] !== LOW_BIN || BAND_EDGES[BAND_COUNT] > HIGH_BIN + 1) throw new Error('FrameAnalyzer: bands must lie within the peak search range');

function melBandEdges(): Int32Array {
  const mel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
  const hz = (m: number) => 700 * (10 ** (m / 2595) - 1);
  const edges = new Int32Array(BAND_COUNT + 1);
  const low = mel(250);
  const high = mel(3500);
  for (let b = 0; b <= BAND_COUNT; b++) {
    const bin = Math.round(hz(low + ((high - low) * b) / BAND_COUNT) / BIN_HZ);
    edges[b] = b === 0 ? bin : Math.max(bin, edges[b - 1] + 2);
  }
  return edges;
}

// Scratch space for the spectrum, shared by every analyzer: analyze() runs start to finish on one thread,
// and with hundreds of calls per process one copy stays in the CPU cache where hundreds would not.
const FFT = new RealFft(FFT_SIZE);
const WINDOWED = new Float64Array(FFT_SIZE);
const POWER = new Float64Array(FFT_SIZE / 2 + 1);
/** The last 50 ms decoded in order, for the rare frames whose ringback pair is checked. */
const RECENT_SAMPLES = new Float64Array(HISTORY);

const BAND_WIDTH = Float64Array.from({ length: BAND_COUNT }, (_, b) => BAND_EDGES[b + 1] - BAND_EDGES[b]);
const LOG_BAND_WIDTH = BAND_WIDTH.map(Math.log);

/** The recent audio is kept as mu-law bytes, a frame per slot: enough slots to hold HISTORY samples. */
const SLOTS = Math.ceil(HISTORY / FRAME_BYTES);
/** Samples of the frame before that complete the FFT window. */
const WINDOW_CARRY = FFT_SIZE - FRAME_BYTES;

const COEFFICIENT_440 = goertzelCoefficient(440);
const COEFFICIENT_480 = goertzelCoefficient(480);
/** The ringback pair beats at 40 Hz; each tone must carry at least this share for the pair to count. */
const MIN_RINGBACK_TONE_SHARE = 0.25;
/** The 32 ms spectrum cannot split 440 from 480 Hz but shows one peak between them; only then is the pair checked. */
const RINGBACK_PEAK_LOW_HZ = 400;
const RINGBACK_PEAK_HIGH_HZ = 520;
const RINGBACK_MIN_PEAK_SHARE = 0.5;

/**
 * Turns consecutive 160-byte mu-law frames into FrameFeatures: level, a 32 ms Hann-windowed
 * spectrum (the frame plus the tail of the one before), its flatness and strongest peak, band
 * energies, and the 440+480 Hz ringback pair over 50 ms (Goertzel, 20 Hz resolution, so the two
 * tones are told apart from one tone between them).
 */
export class FrameAnalyzer {
  readonly features: FrameFeatures = {
    index: 0,
    levelDbfs: SILENT_DBFS,
    flatness: 0,
    peakHz: 0,
    peakShare: 0,
    ringbackShare: 0,
    bandLogEnergy: new Float64Array(BAND_COUNT),
    fluxDb: 0,
  };
  /** The latest SLOTS frames, raw (a ring: 480 bytes a call rather than 3.2 KB of decoded samples). */
  private readonly recent = new Uint8Array(SLOTS * FRAME_BYTES).fill(MULAW_SILENCE);
  /** Where in `recent` the latest frame starts. */
  private latestStart = 0;

  analyze(frame: Uint8Array): FrameFeatures {
    if (frame.length !== FRAME_BYTES) {
      throw new RangeError(`FrameAnalyzer: frames must be ${FRAME_BYTES} bytes of mu-law, got ${frame.length}`);
    }
    const { recent, features } = this;
    const previousStart = this.latestStart;
    const start = previousStart + FRAME_BYTES === recent.length ? 0 : previousStart + FRAME_BYTES;
    this.latestStart = start;
    for (let i = 0, from = previousStart + FRAME_BYTES - WINDOW_CARRY; i < WINDOW_CARRY; i++) {
      WINDOWED[i] = LINEAR[recent[from + i]] * HANN[i];
    }
    // Squares of decoded mu-law samples are multiples of 2^-30 below 1, so their sum is exact in any
    // order: two running sums halve the chain of dependent additions.
    let evenSquares = 0;
    let oddSquares = 0;
    for (let i = 0; i < FRAME_BYTES; i += 2) {
      const evenByte = frame[i];
      const oddByte = frame[i + 1];
      recent[start + i] = evenByte;
      recent[start + i + 1] = oddByte;
      const even = LINEAR[evenByte];
      const odd = LINEAR[oddByte];
      WINDOWED[WINDOW_CARRY + i] = even * HANN[WINDOW_CARRY + i];
      WINDOWED[WINDOW_CARRY + i + 1] = odd * HANN[WINDOW_CARRY + i + 1];
      evenSquares += even * even;
      oddSquares += odd * odd;
    }
    const sumSquares = evenSquares + oddSquares;
    features.index++;
    features.levelDbfs = sumSquares > 0 ? 10 * Math.log10(sumSquares / FRAME_BYTES) : SILENT_DBFS;
    FFT.powerSpectrum(WINDOWED, POWER);
    analyzeSpectrum(features);
    const nearRingback = features.peakHz >= RINGBACK_PEAK_LOW_HZ && features.peakHz <= RINGBACK_PEAK_HIGH_HZ;
    features.ringbackShare = nearRingback && features.peakShare >= RINGBACK_MIN_PEAK_SHARE ? this.ringbackShare() : 0;
    return features;
  }

  private ringbackShare(): number {
    const { recent } = this;
    // Oldest first: the tail of the frame SLOTS - 1 back, then each later frame whole.
    let at = 0;
    for (let back = SLOTS - 1; back >= 0; back--) {
      const frameStart = (this.latestStart + (SLOTS - back) * FRAME_BYTES) % recent.length;
      const skip = back === SLOTS - 1 ? SLOTS * FRAME_BYTES - HISTORY : 0;
      for (let i = frameStart + skip; i < frameStart + FRAME_BYTES; i++) RECENT_SAMPLES[at++] = LINEAR[recent[i]];
    }
    let energy = 0;
    for (let i = 0; i < HISTORY; i++) energy += RECENT_SAMPLES[i] * RECENT_SAMPLES[i];
    if (energy === 0) return 0;
    const share440 = (2 * goertzelPower(RECENT_SAMPLES, COEFFICIENT_440)) / (HISTORY * energy);
    const share480 = (2 * goertzelPower(RECENT_SAMPLES, COEFFICIENT_480)) / (HISTORY * energy);
    if (share440 < MIN_RINGBACK_TONE_SHARE || share480 < MIN_RINGBACK_TONE_SHARE) return 0;
    return Math.min(1, share440 + share480);
  }
}

/** Peak, bands, flux and flatness from POWER, in one pass over the bins (each sum in the order it always had). */
function analyzeSpectrum(features: FrameFeatures): void {
  const bands = features.bandLogEnergy;
  let total = POWER_FLOOR;
  let peakBin = LOW_BIN;
  let peakPower = POWER[LOW_BIN];
  let flux = 0;
  let densityLogSum = 0;
  let densitySum = 0;
  for (let b = 0; b < BAND_COUNT; b++) {
    let energy = POWER_FLOOR;
    for (let k = BAND_EDGES[b]; k < BAND_EDGES[b + 1]; k++) {
      const power = POWER[k];
      energy += power;
      total += power;
      if (power > peakPower) {
        peakPower = power;
        peakBin = k;
      }
    }
    const logEnergy = Math.log(energy);
    flux += Math.abs(logEnergy - bands[b]);
    bands[b] = logEnergy;
    densityLogSum += logEnergy - LOG_BAND_WIDTH[b];
    densitySum += energy / BAND_WIDTH[b];
  }
  for (let k = BAND_EDGES[BAND_COUNT]; k <= HIGH_BIN; k++) {
    total += POWER[k];
    if (POWER[k] > peakPower) {
      peakPower = POWER[k];
      peakBin = k;
    }
  }
  features.fluxDb = (flux / BAND_COUNT) * NEPER_TO_DB;
  features.flatness = Math.exp(densityLogSum / BAND_COUNT) / (densitySum / BAND_COUNT);

  let peakEnergy = 0;
  for (let k = peakBin - 2; k <= peakBin + 2; k++) peakEnergy += POWER[k];
  features.peakShare = Math.min(1, peakEnergy / total);
  features.peakHz = (peakBin + parabolicOffset(POWER, peakBin)) * BIN_HZ;
}

/** Where between bins the true peak lies (-0.5..0.5), from a parabola through the log powers. */
function parabolicOffset(power: Float64Array, bin: number): number {
  const left = Math.log(power[bin - 1] + POWER_FLOOR);
  const centre = Math.log(power[bin] + POWER_FLOOR);
  const right = Math.log(power[bin + 1] + POWER_FLOOR);
  const curvature = left - 2 * centre + right;
  return curvature < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (left - right)) / curvature)) : 0;
}
