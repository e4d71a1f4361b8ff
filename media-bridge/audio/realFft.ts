/**
 * Power spectrum of a fixed-size real signal, by an in-place radix-2 complex FFT. Tables and work
 * arrays are built once, so a transform allocates nothing.
 */
export class RealFft {
  readonly size: number;
  private readonly bitReversed: Uint16Array;
  private readonly cosines: Float64Array;
  private readonly sines: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 4 || (size & (size - 1)) !== 0) {
      throw new RangeError(`RealFft: size must be a power of two of at least 4, got ${size}`);
    }
    this.size = size;
    this.re = new Float64Array(size);
    this.im = new Float64Array(size);
    this.cosines = new Float64Array(size / 2);
    this.sines = new Float64Array(size / 2);
    for (let k = 0; k < size / 2; k++) {
      this.cosines[k] = Math.cos((2 * Math.PI * k) / size);
      this.sines[k] = -Math.sin((2 * Math.PI * k) / size);
    }
    const bits = Math.log2(size);
    this.bitReversed = new Uint16Array(size);
    for (let i = 0; i < size; i++) {
      let reversed = 0;
      for (let b = 0; b < bits; b++) reversed |= ((i >> b) & 1) << (bits - 1 - b);
      this.bitReversed[i] = reversed;
    }
  }

  /** Writes |X[k]|^2 for k = 0..size/2 into `power` (length size/2 + 1). */
  powerSpectrum(signal: Float64Array, power: Float64Array): void {
    const { size, re, im, cosines, sines, bitReversed } = this;
    for (let i = 0; i < size; i++) {
      re[bitReversed[i]] = signal[i];
      im[i] = 0;
    }
    for (let half = 1, stride = size / 2; half < size; half *= 2, stride /= 2) {
      for (let start = 0; start < size; start += half * 2) {
        for (let k = 0; k < half; k++) {
          const c = cosines[k * stride];
          const s = sines[k * stride];
          const a = start + k;
          const b = a + half;
          const tre = re[b] * c - im[b] * s;
          const tim = re[b] * s + im[b] * c;
          re[b] = re[a] - tre;
          im[b] = im[a] - tim;
          re[a] += tre;
          im[a] += tim;
        }
      }
    }
    for (let k = 0; k <= size / 2; k++) power[k] = re[k] * re[k] + im[k] * im[k];
  }
}
