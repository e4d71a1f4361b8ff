import assert from 'node:assert/strict';
import { test } from 'node:test';
import { goertzelCoefficient, goertzelPower } from '../../common/audio/goertzel.js';
import { decodeSample, FRAME_BYTES, SAMPLE_RATE } from '../../common/audio/mulaw.js';
import { FrameAnalyzer, type FrameFeatures } from './frameAnalyzer.js';
import { dtmfTone, ringback, tones } from './testSignals/callProgressTones.js';
import { HOLD_MUSIC_STYLES, holdMusic } from './testSignals/holdMusic.js';
import { concatenated, lineNoise, mixInto, seededRandom, silentPcm, toMulaw } from './testSignals/pcm.js';
import { framesOf, speech } from './testSignals/speech.js';

/*
 * The analyzer is written for speed (grouped FFT stages, a ring of raw bytes, fused loops). Here is
 * the same analysis written plainly, as the textbook has it: a decoded history shifted every frame,
 * a windowed copy, a radix-2 FFT one stage at a time, one loop per feature. Every feature of every
 * frame must come out the same to the last bit.
 */

const FFT_SIZE = 256;
const HISTORY = 400;
const BIN_HZ = SAMPLE_RATE / FFT_SIZE;
const LOW_BIN = Math.round(250 / BIN_HZ);
const HIGH_BIN = Math.round(3500 / BIN_HZ);
const BANDS = 17;
const FLOOR = 1e-12;

const hann = Float64Array.from({ length: FFT_SIZE }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (FFT_SIZE - 1)));

function melBandEdges(): number[] {
  const mel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
  const hz = (m: number) => 700 * (10 ** (m / 2595) - 1);
  const edges: number[] = [];
  for (let b = 0; b <= BANDS; b++) {
    const bin = Math.round(hz(mel(250) + ((mel(3500) - mel(250)) * b) / BANDS) / BIN_HZ);
    edges.push(b === 0 ? bin : Math.max(bin, edges[b - 1] + 2));
  }
  return edges;
}
const edges = melBandEdges();

/** |X[k]|^2 for k = 0..N/2 of a real signal: packed into N/2 complex values, radix-2 FFT, unpacked. */
function textbookPowerSpectrum(signal: Float64Array): Float64Array {
  const n = signal.length;
  const half = n / 2;
  const cos = (k: number) => Math.cos((2 * Math.PI * k) / n);
  const sin = (k: number) => -Math.sin((2 * Math.PI * k) / n);
  const re = new Float64Array(half);
  const im = new Float64Array(half);
  const bits = Math.log2(half);
  for (let i = 0; i < half; i++) {
    let reversed = 0;
    for (let b = 0; b < bits; b++) reversed |= ((i >> b) & 1) << (bits - 1 - b);
    re[reversed] = signal[2 * i];
    im[reversed] = signal[2 * i + 1];
  }
  for (let span = 1; span < half; span *= 2) {
    for (let k = 0; k < span; k++) {
      const c = cos((k * half) / span);
      const s = sin((k * half) / span);
      for (let a = k; a < half; a += 2 * span) {
        const b = a + span;
        const tRe = re[b] * c - im[b] * s;
        const tIm = re[b] * s + im[b] * c;
        re[b] = re[a] - tRe;
        im[b] = im[a] - tIm;
        re[a] += tRe;
        im[a] += tIm;
      }
    }
  }
  const power = new Float64Array(half + 1);
  power[0] = (re[0] + im[0]) * (re[0] + im[0]);
  power[half] = (re[0] - im[0]) * (re[0] - im[0]);
  for (let k = 1; k < half; k++) {
    const m = half - k;
    const evenRe = (re[k] + re[m]) / 2;
    const evenIm = (im[k] - im[m]) / 2;
    const oddRe = (im[k] + im[m]) / 2;
    const oddIm = (re[m] - re[k]) / 2;
    const xRe = evenRe + oddRe * cos(k) - oddIm * sin(k);
    const xIm = evenIm + oddRe * sin(k) + oddIm * cos(k);
    power[k] = xRe * xRe + xIm * xIm;
  }
  return power;
}

class TextbookAnalyzer {
  private index = 0;
  private readonly history = new Float64Array(HISTORY);
  private bands = new Float64Array(BANDS);

  analyze(frame: Uint8Array): FrameFeatures {
    this.history.copyWithin(0, FRAME_BYTES);
    for (let i = 0; i < FRAME_BYTES; i++) this.history[HISTORY - FRAME_BYTES + i] = decodeSample(frame[i]) / 32768;
    let sumSquares = 0;
    for (let i = HISTORY - FRAME_BYTES; i < HISTORY; i++) sumSquares += this.history[i] ** 2;
    const levelDbfs = sumSquares > 0 ? 10 * Math.log10(sumSquares / FRAME_BYTES) : -120;

    const windowed = Float64Array.from({ length: FFT_SIZE }, (_, i) => this.history[HISTORY - FFT_SIZE + i] * hann[i]);
    const power = textbookPowerSpectrum(windowed);
    let total = FLOOR;
    let peakBin = LOW_BIN;
    for (let k = LOW_BIN; k <= HIGH_BIN; k++) {
      total += power[k];
      if (power[k] > power[peakBin]) peakBin = k;
    }
    let peakEnergy = 0;
    for (let k = peakBin - 2; k <= peakBin + 2; k++) peakEnergy += power[k];
    const peakShare = Math.min(1, peakEnergy / total);
    const [left, centre, right] = [-1, 0, 1].map((d) => Math.log(power[peakBin + d] + FLOOR));
    const curvature = left - 2 * centre + right;
    const offset = curvature < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (left - right)) / curvature)) : 0;
    const peakHz = (peakBin + offset) * BIN_HZ;

    const previous = this.bands;
    this.bands = new Float64Array(BANDS);
    let flux = 0;
    let densityLogSum = 0;
    let densitySum = 0;
    for (let b = 0; b < BANDS; b++) {
      let energy = FLOOR;
      for (let k = edges[b]; k < edges[b + 1]; k++) energy += power[k];
      const width = edges[b + 1] - edges[b];
      this.bands[b] = Math.log(energy);
      flux += Math.abs(this.bands[b] - previous[b]);
      densityLogSum += this.bands[b] - Math.log(width);
      densitySum += energy / width;
    }
    const ringbackShare = peakHz >= 400 && peakHz <= 520 && peakShare >= 0.5 ? this.ringbackShare() : 0;
    return {
      index: ++this.index,
      levelDbfs,
      flatness: Math.exp(densityLogSum / BANDS) / (densitySum / BANDS),
      peakHz,
      peakShare,
      ringbackShare,
      bandLogEnergy: this.bands,
      fluxDb: (flux / BANDS) * (10 / Math.LN10),
    };
  }

  private ringbackShare(): number {
    let energy = 0;
    for (const sample of this.history) energy += sample * sample;
    if (energy === 0) return 0;
    const share440 = (2 * goertzelPower(this.history, goertzelCoefficient(440))) / (HISTORY * energy);
    const share480 = (2 * goertzelPower(this.history, goertzelCoefficient(480))) / (HISTORY * energy);
    return share440 < 0.25 || share480 < 0.25 ? 0 : Math.min(1, share440 + share480);
  }
}

const SCALARS = ['index', 'levelDbfs', 'flatness', 'peakHz', 'peakShare', 'ringbackShare', 'fluxDb'] as const;

/** Frames whose features differ from the textbook analysis in any bit, described. */
function differences(audio: Buffer): string[] {
  const fast = new FrameAnalyzer();
  const textbook = new TextbookAnalyzer();
  const found: string[] = [];
  framesOf(audio).forEach((frame, n) => {
    const got = fast.analyze(frame);
    const want = textbook.analyze(frame);
    for (const key of SCALARS) if (!Object.is(got[key], want[key])) found.push(`frame ${n} ${key}: ${got[key]} vs ${want[key]}`);
    for (let b = 0; b < BANDS; b++) {
      if (!Object.is(got.bandLogEnergy[b], want.bandLogEnergy[b])) found.push(`frame ${n} band ${b}: ${got.bandLogEnergy[b]} vs ${want.bandLogEnergy[b]}`);
    }
  });
  return found;
}

test('hold music of every style is analysed exactly as the textbook analysis does', () => {
  for (const [n, style] of HOLD_MUSIC_STYLES.entries()) {
    const music = holdMusic({ style, ms: 8000, levelDbfs: -14 - 4 * n, seed: n + 1 });
    mixInto(music, lineNoise(8000, -60, seededRandom(n)), 0);
    assert.deepEqual(differences(toMulaw(music)).slice(0, 5), [], style);
  }
});

test('call progress tones, ringback included, are analysed exactly as the textbook analysis does', () => {
  const audio = toMulaw(concatenated([ringback(7000), tones([1000], 500, -12), silentPcm(300), dtmfTone('9', 400), tones([460], 600, -20), tones([400], 300, -3)]));
  const analyzer = new FrameAnalyzer();
  const ringing = framesOf(audio).filter((frame) => analyzer.analyze(frame).ringbackShare > 0.8).length;
  assert.ok(ringing > 50, `the ringback check runs (${ringing} frames)`);
  assert.deepEqual(differences(audio).slice(0, 5), []);
});

test('speech, hiss, digital silence and raw noise are analysed exactly as the textbook analysis does', async () => {
  const voice = await speech('Thanks for holding, this is Dana in billing. How can I help you today?', 'en-us', -18);
  const noise = Buffer.from(Array.from({ length: 300 * FRAME_BYTES }, (_, i) => (Math.imul(i + 1, 2654435761) >>> 13) & 0xff));
  const audio = Buffer.concat([toMulaw(concatenated([silentPcm(500), voice, lineNoise(3000, -45, seededRandom(7))])), noise]);
  assert.deepEqual(differences(audio).slice(0, 5), []);
});
