// A small fixed-window rate limiter per client address, in memory and bounded in size.

export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly max: number, private readonly windowMs: number, private readonly maxKeys = 50_000) {}

  /** Counts a hit; false when the key is over its limit in this window. */
  hit(key: string, now: number): boolean {
    const entry = this.hits.get(key);
    if (entry === undefined || entry.resetAt <= now) {
      if (this.hits.size >= this.maxKeys) this.prune(now);
      this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
      return true;
    }
    entry.count++;
    return entry.count <= this.max;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
    // Still full: forget the oldest half rather than grow without bound.
    if (this.hits.size >= this.maxKeys) {
      let n = 0;
      for (const key of this.hits.keys()) {
        if (n++ > this.maxKeys / 2) break;
        this.hits.delete(key);
      }
    }
  }
}
