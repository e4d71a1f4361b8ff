/**
 * Rational-ratio polyphase resampler with a Kaiser-windowed sinc low-pass, so that energy above
 * the target Nyquist frequency is removed instead of folding back as aliasing.
 */

interface PolyphaseKernel {
  up: number;
  down: number;
  halfWidth: number;
  /** phases[p][j] weights input sample (base + j - halfWidth + 1) for output phase p/up. */
  phases: Float64Array[];
}

// Pass band ends near 3.2 kHz and stop band starts near 4 kHz when producing 8 kHz audio.
const CUTOFF_OF_NYQUIST = 0.895;
const ZERO_CROSSINGS = 21;
const KAISER_BETA = 7.86; // ~80 dB stop-band attenuation

const kernels = new Map<string, PolyphaseKernel>();

export function resample(samples: Int16Array, fromRate: number, toRate: number): Int16Array {
  if (!Number.isInteger(fromRate) || !Number.isInteger(toRate) || fromRate <= 0 || toRate <= 0) {
    throw new RangeError(`sample rates must be positive integers, got ${fromRate} -> ${toRate}`);
  }
  if (fromRate === toRate) return samples.slice();
  const { up, down, halfWidth, phases } = kernelFor(fromRate, toRate);
  const out = new Int16Array(Math.floor((samples.length * up) / down));
  for (let n = 0; n < out.length; n++) {
    const position = n * down;
    const base = Math.floor(position / up);
    const taps = phases[position - base * up];
    const first = base - halfWidth + 1;
    const from = Math.max(0, -first);
    const to = Math.min(taps.length, samples.length - first);
    let sum = 0;
    for (let j = from; j < to; j++) sum += samples[first + j] * taps[j];
    out[n] = Math.max(-32768, Math.min(32767, Math.round(sum)));
  }
  return out;
}

function kernelFor(fromRate: number, toRate: number): PolyphaseKernel {
  const key = `${fromRate}/${toRate}`;
  let kernel = kernels.get(key);
  if (!kernel) {
    kernel = designKernel(fromRate, toRate);
    kernels.set(key, kernel);
  }
  return kernel;
}

function designKernel(fromRate: number, toRate: number): PolyphaseKernel {
  const divisor = gcd(fromRate, toRate);
  const up = toRate / divisor;
  const down = fromRate / divisor;
  // Cutoff as a fraction of the input sample rate, doubled: sinc zero crossings per input sample.
  const bandwidth = (CUTOFF_OF_NYQUIST * Math.min(fromRate, toRate)) / fromRate;
  const halfWidth = Math.ceil(ZERO_CROSSINGS / bandwidth);
  const phases: Float64Array[] = [];
  for (let p = 0; p < up; p++) {
    const taps = new Float64Array(2 * halfWidth);
    let total = 0;
    for (let j = 0; j < taps.length; j++) {
      const distance = j - halfWidth + 1 - p / up;
      taps[j] = bandwidth * sinc(bandwidth * distance) * kaiser(distance / halfWidth);
      total += taps[j];
    }
    for (let j = 0; j < taps.length; j++) taps[j] /= total;
    phases.push(taps);
  }
  return { up, down, halfWidth, phases };
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const angle = Math.PI * x;
  return Math.sin(angle) / angle;
}

function kaiser(x: number): number {
  if (Math.abs(x) > 1) return 0;
  return besselI0(KAISER_BETA * Math.sqrt(1 - x * x)) / besselI0(KAISER_BETA);
}

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; term > 1e-12 * sum; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
