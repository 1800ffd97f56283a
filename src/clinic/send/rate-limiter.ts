// A rate limit per client address (send form, login), counted in the database so every instance shares it.
import type { Store } from '../../db/store.js';

export class RateLimiter {
  constructor(private readonly store: Store, private readonly scope: string, private readonly max: number, private readonly windowMs: number) {}

  /** Counts a hit; false when the client is over its limit in this window. */
  hit(key: string): Promise<boolean> {
    return this.store.rateLimits.hit(this.scope, key, this.max, this.windowMs);
  }
}
