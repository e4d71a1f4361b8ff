import { SAMPLE_RATE } from './mulaw.js';

/** The Goertzel coefficient for one frequency at the phone line's sample rate. */
export function goertzelCoefficient(hz: number): number {
  return 2 * Math.cos((2 * Math.PI * hz) / SAMPLE_RATE);
}

/** Goertzel: the power of one frequency in the samples, (amplitude * n / 2)^2 for a pure tone. */
export function goertzelPower(samples: Int16Array | Float64Array, coefficient: number): number {
  let previous = 0;
  let beforePrevious = 0;
  for (let i = 0; i < samples.length; i++) {
    const current = samples[i] + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
}
