// Fixed-window rate-limit counters in the database, so limits hold across instances; client keys are hashed.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export class RateLimitRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  /**
   * Counts one hit for `key` in `scope` (atomically, whichever instance sees it) and says whether it is within
   * `max` hits per window. Expired windows are cleared as new ones open.
   */
  async hit(scope: string, key: string, max: number, windowMs: number): Promise<boolean> {
    const now = this.now().getTime();
    const start = Math.floor(now / windowMs) * windowMs;
    const hashed = createHash('sha256').update(`${scope}\n${key}`).digest('base64url').slice(0, 22);
    const bucket = `${scope}:${hashed}:${String(start)}`;
    const row = await this.db.insertInto('rate_limit')
      .values({ bucket, hits: 1, expires_at: new Date(start + windowMs).toISOString() })
      .onConflict((oc) => oc.column('bucket').doUpdateSet((eb) => ({ hits: eb('rate_limit.hits', '+', 1) })))
      .returning('hits')
      .executeTakeFirstOrThrow();
    const hits = row.hits;
    if (hits === 1) await this.db.deleteFrom('rate_limit').where('expires_at', '<', new Date(now).toISOString()).execute();
    return hits <= max;
  }
}
