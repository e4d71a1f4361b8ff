/**
 * Power spectrum of a fixed-size real signal: the signal is packed into a complex sequence of half
 * its length (even samples real, odd imaginary), transformed by an in-place radix-2 FFT and
 * unpacked. Tables and work arrays are built once, so a transform allocates nothing.
 *
 * Built for speed under V8, with results bit-for-bit those of the textbook radix-2 loops: every
 * butterfly is the radix-2 one with the same twiddle, computed in the same order, but they are
 * grouped (the first two stages while loading, middle stages two at a time on four values held in
 * locals, the last while unpacking) so that the data goes through memory half as often; and the
 * data and all tables live in one Float64Array, because optimized code re-checks each typed array
 * it touches on every loop iteration.
 */
export class RealFft {
  readonly size: number;
  private readonly half: number;
  /** Bit-reversed position of every fourth output: each load fills four outputs that share stages 1 and 2. */
  private readonly quadSources: Uint16Array;
  /**
   * [0, size): the complex work sequence, interleaved (re, im).
   * [size, 2 size): the twiddles of the stage with butterfly span s at pairs [s, 2s), in the order used.
   * [2 size, 3 size): e^{-2 pi i k / size} for k < size/2, for unpacking.
   */
  private readonly memory: Float64Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 16 || (size & (size - 1)) !== 0) {
      throw new RangeError(`RealFft: size must be a power of two of at least 16, got ${size}`);
    }
    const half = size / 2;
    this.size = size;
    this.half = half;
    this.memory = new Float64Array(3 * size);
    const setTwiddle = (k: number, at: number) => {
      this.memory[at] = Math.cos((2 * Math.PI * k) / size);
      this.memory[at + 1] = -Math.sin((2 * Math.PI * k) / size);
    };
    for (let k = 0; k < half; k++) setTwiddle(k, 2 * size + 2 * k);
    for (let span = 1; span < half; span <<= 1) {
      for (let k = 0; k < span; k++) setTwiddle((k * half) / span, size + 2 * (span + k));
    }
    const bits = Math.log2(half);
    this.quadSources = new Uint16Array(half / 4);
    for (let q = 0; q < half / 4; q++) {
      let reversed = 0;
      for (let b = 0; b < bits; b++) reversed |= (((4 * q) >> b) & 1) << (bits - 1 - b);
      this.quadSources[q] = reversed;
    }
  }

  /** Writes |X[k]|^2 for k = 0..size/2 into `power` (length size/2 + 1). */
  powerSpectrum(signal: Float64Array, power: Float64Array): void {
    this.loadFirstTwoStages(signal);
    this.middleStages();
    this.lastStageAndPower(power);
  }

  /**
   * Outputs 4q..4q+3 in bit-reversed order hold inputs p, p + half/2, p + half/4, p + 3 half/4. The
   * stage-1 butterflies and the first of each stage-2 pair have twiddle (1, -0): a plain sum and
   * difference gives the same values (at most a zero's sign differs, which no power can show).
   */
  private loadFirstTwoStages(signal: Float64Array): void {
    const { half, memory: z, quadSources } = this;
    const c = z[this.size + 6];
    const s = z[this.size + 7];
    for (let q = 0, at = 0; at < 2 * half; q++, at += 8) {
      const p0 = 2 * quadSources[q];
      const p1 = p0 + half;
      const p2 = p0 + (half >> 1);
      const p3 = p2 + half;
      const sumRe = signal[p0] + signal[p1];
      const sumIm = signal[p0 + 1] + signal[p1 + 1];
      const diffRe = signal[p0] - signal[p1];
      const diffIm = signal[p0 + 1] - signal[p1 + 1];
      const sum2Re = signal[p2] + signal[p3];
      const sum2Im = signal[p2 + 1] + signal[p3 + 1];
      const diff2Re = signal[p2] - signal[p3];
      const diff2Im = signal[p2 + 1] - signal[p3 + 1];
      z[at] = sumRe + sum2Re;
      z[at + 1] = sumIm + sum2Im;
      z[at + 4] = sumRe - sum2Re;
      z[at + 5] = sumIm - sum2Im;
      const tRe = diff2Re * c - diff2Im * s;
      const tIm = diff2Re * s + diff2Im * c;
      z[at + 2] = diffRe + tRe;
      z[at + 3] = diffIm + tIm;
      z[at + 6] = diffRe - tRe;
      z[at + 7] = diffIm - tIm;
    }
  }

  /**
   * The stages from span 4 up to the last (not included): two at a time while two remain, then one
   * alone. Indices and spans here count doubles, twice the complex values.
   */
  private middleStages(): void {
    const { half, size, memory: z } = this;
    let span = 8;
    for (; span * 2 < half; span <<= 2) {
      for (let block = 0; block < size; block += span << 2) {
        for (let k = 0; k < span; k += 2) {
          const a = block + k;
          const b = a + span;
          const c = b + span;
          const d = c + span;
          // Stage of span `span`: (a, b) and (c, d), both with twiddle k.
          const w1 = size + span + k;
          const w1c = z[w1];
          const w1s = z[w1 + 1];
          const bRe = z[b] * w1c - z[b + 1] * w1s;
          const bIm = z[b] * w1s + z[b + 1] * w1c;
          const dRe = z[d] * w1c - z[d + 1] * w1s;
          const dIm = z[d] * w1s + z[d + 1] * w1c;
          const aRe = z[a];
          const aIm = z[a + 1];
          const cRe = z[c];
          const cIm = z[c + 1];
          const abSumRe = aRe + bRe;
          const abSumIm = aIm + bIm;
          const abDiffRe = aRe - bRe;
          const abDiffIm = aIm - bIm;
          const cdSumRe = cRe + dRe;
          const cdSumIm = cIm + dIm;
          const cdDiffRe = cRe - dRe;
          const cdDiffIm = cIm - dIm;
          // Stage of span 2 * span: (a, c) with twiddle k, (b, d) with twiddle k + span.
          const w2 = size + 2 * span + k;
          const w2c = z[w2];
          const w2s = z[w2 + 1];
          const w3c = z[w2 + span];
          const w3s = z[w2 + span + 1];
          const acRe = cdSumRe * w2c - cdSumIm * w2s;
          const acIm = cdSumRe * w2s + cdSumIm * w2c;
          const bdRe = cdDiffRe * w3c - cdDiffIm * w3s;
          const bdIm = cdDiffRe * w3s + cdDiffIm * w3c;
          z[a] = abSumRe + acRe;
          z[a + 1] = abSumIm + acIm;
          z[c] = abSumRe - acRe;
          z[c + 1] = abSumIm - acIm;
          z[b] = abDiffRe + bdRe;
          z[b + 1] = abDiffIm + bdIm;
          z[d] = abDiffRe - bdRe;
          z[d + 1] = abDiffIm - bdIm;
        }
      }
    }
    if (span < half) {
      for (let block = 0; block < size; block += span << 1) {
        for (let a = block; a < block + span; a += 2) {
          const b = a + span;
          const w = size + span + a - block;
          const c = z[w];
          const s = z[w + 1];
          const tRe = z[b] * c - z[b + 1] * s;
          const tIm = z[b] * s + z[b + 1] * c;
          z[b] = z[a] - tRe;
          z[b + 1] = z[a + 1] - tIm;
          z[a] += tRe;
          z[a + 1] += tIm;
        }
      }
    }
  }

  /**
   * The last stage (span half/2) fused with unpacking. Z = E + i O, where E and O are the transforms
   * of the even and odd samples, and X[k] = E[k] + w^k O[k] needs Z[k] and Z[half - k]. The last
   * stage's butterflies j and half/2 - j yield Z at j, half/2 + j, half/2 - j and half - j: the
   * pairs of bins (j, half - j) and (half/2 - j, half/2 + j). j counts complex values, a and b
   * their positions in doubles.
   */
  private lastStageAndPower(power: Float64Array): void {
    const { half, size, memory: z } = this;
    const span = half >> 1;
    const quarter = half >> 2;
    const twiddles = size + 2 * span;
    let c = z[twiddles];
    let s = z[twiddles + 1];
    let tRe = z[2 * span] * c - z[2 * span + 1] * s;
    let tIm = z[2 * span] * s + z[2 * span + 1] * c;
    const zeroRe = z[0] + tRe;
    const zeroIm = z[1] + tIm;
    power[0] = (zeroRe + zeroIm) * (zeroRe + zeroIm);
    power[half] = (zeroRe - zeroIm) * (zeroRe - zeroIm);
    const middleRe = z[0] - tRe;
    const middleIm = z[1] - tIm;
    this.binPair(span, middleRe, middleIm, middleRe, middleIm, power);
    for (let j = 1; j < quarter; j++) {
      const a = 2 * j;
      const b = a + half;
      c = z[twiddles + a];
      s = z[twiddles + a + 1];
      tRe = z[b] * c - z[b + 1] * s;
      tIm = z[b] * s + z[b + 1] * c;
      const jRe = z[a] + tRe;
      const jIm = z[a + 1] + tIm;
      const spanPlusJRe = z[a] - tRe;
      const spanPlusJIm = z[a + 1] - tIm;
      const a2 = half - a;
      const b2 = a2 + half;
      c = z[twiddles + a2];
      s = z[twiddles + a2 + 1];
      tRe = z[b2] * c - z[b2 + 1] * s;
      tIm = z[b2] * s + z[b2 + 1] * c;
      this.binPair(j, jRe, jIm, z[a2] - tRe, z[a2 + 1] - tIm, power);
      this.binPair(span - j, z[a2] + tRe, z[a2 + 1] + tIm, spanPlusJRe, spanPlusJIm, power);
    }
    const a = 2 * quarter;
    const b = a + half;
    c = z[twiddles + a];
    s = z[twiddles + a + 1];
    tRe = z[b] * c - z[b + 1] * s;
    tIm = z[b] * s + z[b + 1] * c;
    this.binPair(quarter, z[a] + tRe, z[a + 1] + tIm, z[a] - tRe, z[a + 1] - tIm, power);
  }

  /**
   * |X[k]|^2 and |X[half - k]|^2 from Z[k] and Z[half - k]: the two bins share E and O up to sign.
   * The mirror bin's sums are written so that each rounds exactly as it would computed on its own.
   */
  private binPair(k: number, kRe: number, kIm: number, mRe: number, mIm: number, power: Float64Array): void {
    const { half, size, memory: z } = this;
    const mirror = half - k;
    const evenRe = (kRe + mRe) / 2;
    const evenIm = (kIm - mIm) / 2;
    const oddRe = (kIm + mIm) / 2;
    const oddIm = (mRe - kRe) / 2;
    const c = z[2 * size + 2 * k];
    const s = z[2 * size + 2 * k + 1];
    const xRe = evenRe + oddRe * c - oddIm * s;
    const xIm = evenIm + oddRe * s + oddIm * c;
    power[k] = xRe * xRe + xIm * xIm;
    const cm = z[2 * size + 2 * mirror];
    const sm = z[2 * size + 2 * mirror + 1];
    const yRe = evenRe + oddRe * cm + oddIm * sm;
    const yIm = oddRe * sm - evenIm - oddIm * cm;
    power[mirror] = yRe * yRe + yIm * yIm;
  }
}
