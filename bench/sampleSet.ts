/** A growing list of numbers (latencies in ms) with the percentiles a benchmark reports. */
export class SampleSet {
  private values: Float64Array;
  private count = 0;

  constructor(initialCapacity = 1024) {
    this.values = new Float64Array(Math.max(1, initialCapacity));
  }

  add(value: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = value;
  }

  get size(): number {
    return this.count;
  }

  /** Nearest-rank percentile (p in 0..100); NaN when there are no samples. */
  percentile(p: number): number {
    return this.percentiles([p])[0];
  }

  /** Several percentiles from one sort. */
  percentiles(ps: number[]): number[] {
    if (this.count === 0) return ps.map(() => NaN);
    const sorted = this.values.slice(0, this.count).sort();
    return ps.map((p) => sorted[Math.min(this.count - 1, Math.max(0, Math.ceil((p / 100) * this.count) - 1))]);
  }

  get max(): number {
    let max = -Infinity;
    for (let i = 0; i < this.count; i++) if (this.values[i] > max) max = this.values[i];
    return this.count ? max : NaN;
  }
}
