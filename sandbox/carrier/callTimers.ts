/** A call's pending network events (next ring, timeout...), all cancelled together. */
export class CallTimers {
  private readonly timers = new Set<NodeJS.Timeout>();

  after(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
