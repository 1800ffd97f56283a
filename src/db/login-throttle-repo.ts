// Sign-in throttling counters in the database, shared by every instance: each try is counted before the password is
// checked (so a burst cannot slip past), and past a few free tries the next one must wait, longer each time.
import type { Kysely } from 'kysely';
import { writeAudit } from './audit-repo.js';
import { publicContext } from './context.js';
import type { Database } from './schema.js';

export interface ThrottleRule {
  /** Tries allowed before waits begin. */
  free: number;
  /** The first wait; it doubles with each further try, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this long without a failure the count starts again (and the row may be purged). */
  forgetAfterMs: number;
}

export type ThrottleResult = { allowed: true; failures: number } | { allowed: false; retryAt: Date };

export class LoginThrottleRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  /**
   * Counts one try for `key` (a keyed hash made by the caller: never an email or address) as a failure before it
   * is checked, atomically on any number of instances, and says whether it may go ahead. A try refused because of a
   * wait is not counted and does not extend the wait.
   */
  async attempt(key: string, rule: ThrottleRule): Promise<ThrottleResult> {
    // Compare-and-set: read the row, then write the next state only if nobody changed it meanwhile; else read again.
    for (let round = 0; round < 50; round++) {
      const now = this.now();
      const at = now.toISOString();
      const row = await this.db.selectFrom('login_throttle').select(['failures', 'blocked_until', 'last_failed_at'])
        .where('key', '=', key).executeTakeFirst();
      if (row?.blocked_until != null && row.blocked_until > at) return { allowed: false, retryAt: new Date(row.blocked_until) };
      const quiet = row !== undefined && Date.parse(row.last_failed_at) <= now.getTime() - rule.forgetAfterMs;
      const failures = (row === undefined || quiet ? 0 : row.failures) + 1;
      const wait = failures >= rule.free ? Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** (failures - rule.free)) : 0;
      const blocked = wait === 0 ? null : new Date(now.getTime() + wait).toISOString();
      if (row === undefined) {
        const res = await this.db.insertInto('login_throttle').values({ key, failures, blocked_until: blocked, last_failed_at: at })
          .onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
        if (Number(res.numInsertedOrUpdatedRows ?? 0n) === 1) return { allowed: true, failures };
        continue;
      }
      let update = this.db.updateTable('login_throttle').set({ failures, blocked_until: blocked, last_failed_at: at })
        .where('key', '=', key).where('failures', '=', row.failures).where('last_failed_at', '=', row.last_failed_at);
      update = row.blocked_until === null ? update.where('blocked_until', 'is', null) : update.where('blocked_until', '=', row.blocked_until);
      if (Number((await update.executeTakeFirst()).numUpdatedRows) === 1) return { allowed: true, failures };
    }
    // Fifty lost races in a row means a flood on this key: refuse this try rather than spin.
    return { allowed: false, retryAt: new Date(this.now().getTime() + 1000) };
  }

  /** Takes back the try counted up front, when the password turned out right (the wait it may have set stays). */
  async forgive(key: string): Promise<void> {
    await this.db.updateTable('login_throttle').set((eb) => ({ failures: eb('failures', '-', 1) }))
      .where('key', '=', key).where('failures', '>', 0).execute();
  }

  /** Forgets a key's failures (after a successful sign-in on it). */
  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('login_throttle').where('key', '=', key).execute();
  }

  /** Deletes counters with no failure since `olderThan` and no wait still running; returns how many. */
  async purgeStale(olderThan: Date): Promise<number> {
    const res = await this.db.deleteFrom('login_throttle').where('last_failed_at', '<', olderThan.toISOString())
      .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', this.now().toISOString())]))
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  }

  /** Audits a failed sign-in: the account's id when it exists, never what was typed. */
  async recordFailedLogin(userId: string | null): Promise<void> {
    await writeAudit(this.db, publicContext, this.now().toISOString(), [{ action: 'staff.login_failed', subjectUserId: userId }]);
  }
}
