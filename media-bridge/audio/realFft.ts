/**
 * Power spectrum of a fixed-size real signal: the signal is packed into a complex sequence of half
 * its length (even samples real, odd imaginary), transformed by an in-place radix-2 FFT and
 * unpacked. Tables and work arrays are built once, so a transform allocates nothing.
 */
export class RealFft {
  readonly size: number;
  private readonly half: number;
  private readonly bitReversed: Uint16Array;
  /** e^{-2 pi i k / size} for k < size/2: the half-size FFT uses every other one. */
  private readonly cosines: Float64Array;
  private readonly sines: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 8 || (size & (size - 1)) !== 0) {
      throw new RangeError(`RealFft: size must be a power of two of at least 8, got ${size}`);
    }
    this.size = size;
    this.half = size / 2;
    this.re = new Float64Array(this.half);
    this.im = new Float64Array(this.half);
    this.cosines = new Float64Array(this.half);
    this.sines = new Float64Array(this.half);
    for (let k = 0; k < this.half; k++) {
      this.cosines[k] = Math.cos((2 * Math.PI * k) / size);
      this.sines[k] = -Math.sin((2 * Math.PI * k) / size);
    }
    const bits = Math.log2(this.half);
    this.bitReversed = new Uint16Array(this.half);
    for (let i = 0; i < this.half; i++) {
      let reversed = 0;
      for (let b = 0; b < bits; b++) reversed |= ((i >> b) & 1) << (bits - 1 - b);
      this.bitReversed[i] = reversed;
    }
  }

  /** Writes |X[k]|^2 for k = 0..size/2 into `power` (length size/2 + 1). */
  powerSpectrum(signal: Float64Array, power: Float64Array): void {
    const { half, re, im, cosines, sines, bitReversed } = this;
    for (let n = 0; n < half; n++) {
      const to = bitReversed[n];
      re[to] = signal[2 * n];
      im[to] = signal[2 * n + 1];
    }
    for (let span = 1, stride = half; span < half; span <<= 1) {
      stride >>= 1;
      const step = span << 1;
      for (let k = 0; k < span; k++) {
        const c = cosines[(k * stride) << 1];
        const s = sines[(k * stride) << 1];
        for (let a = k; a < half; a += step) {
          const b = a + span;
          const tre = re[b] * c - im[b] * s;
          const tim = re[b] * s + im[b] * c;
          re[b] = re[a] - tre;
          im[b] = im[a] - tim;
          re[a] += tre;
          im[a] += tim;
        }
      }
    }
    // Z = E + i O, where E and O are the transforms of the even and odd samples; X = E + w^k O.
    power[0] = (re[0] + im[0]) * (re[0] + im[0]);
    power[half] = (re[0] - im[0]) * (re[0] - im[0]);
    for (let k = 1; k < half; k++) {
      const mirror = half - k;
      const evenRe = (re[k] + re[mirror]) / 2;
      const evenIm = (im[k] - im[mirror]) / 2;
      const oddRe = (im[k] + im[mirror]) / 2;
      const oddIm = (re[mirror] - re[k]) / 2;
      const c = cosines[k];
      const s = sines[k];
      const xRe = evenRe + oddRe * c - oddIm * s;
      const xIm = evenIm + oddRe * s + oddIm * c;
      power[k] = xRe * xRe + xIm * xIm;
    }
  }
}
