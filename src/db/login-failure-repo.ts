// Failed-login counters kept in the database, so throttling and lockout hold across instances and restarts.
import type { Kysely } from 'kysely';
import { writeAudit } from './audit-repo.js';
import { publicContext } from './context.js';
import type { Database } from './schema.js';

export interface LockoutPolicy {
  /** Failures within the window that lock the login. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export class LoginFailureRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date, private readonly policy: LockoutPolicy) {}

  /** When the login is locked, the time it unlocks. */
  async lockedUntil(key: string): Promise<Date | undefined> {
    const row = await this.db.selectFrom('login_failure').select('locked_until').where('login_key', '=', key).executeTakeFirst();
    if (row?.locked_until == null) return undefined;
    const until = new Date(row.locked_until);
    return until > this.now() ? until : undefined;
  }

  /** Counts a failure (atomically, whichever instance sees it) and locks the login once the limit is reached. */
  async recordFailure(key: string, userId: string | null = null): Promise<{ failures: number; lockedUntil: Date | undefined }> {
    const now = this.now();
    const iso = now.toISOString();
    // The typed email is not recorded (it may be a patient's or a mistyped password); a known account's id is.
    await writeAudit(this.db, publicContext, iso, [{ action: 'staff.login_failed', detail: { user: userId } }]);
    // A counter whose window has passed (and is not locked) starts again.
    await this.db.deleteFrom('login_failure').where('login_key', '=', key)
      .where('first_failed_at', '<', new Date(now.getTime() - this.policy.windowMs).toISOString())
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', iso)]))
      .execute();
    await this.db.insertInto('login_failure').values({ login_key: key, failures: 1, first_failed_at: iso, locked_until: null })
      .onConflict((oc) => oc.column('login_key').doUpdateSet((eb) => ({ failures: eb('login_failure.failures', '+', 1) })))
      .execute();
    const row = await this.db.selectFrom('login_failure').select(['failures', 'locked_until']).where('login_key', '=', key).executeTakeFirstOrThrow();
    const failures = row.failures;
    if (failures >= this.policy.maxFailures && (row.locked_until === null || row.locked_until <= iso)) {
      const until = new Date(now.getTime() + this.policy.lockMs);
      await this.db.updateTable('login_failure').set({ locked_until: until.toISOString(), failures: 0, first_failed_at: iso })
        .where('login_key', '=', key).execute();
      return { failures, lockedUntil: until };
    }
    return { failures, lockedUntil: row.locked_until === null ? undefined : new Date(row.locked_until) };
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('login_failure').where('login_key', '=', key).execute();
  }
}
