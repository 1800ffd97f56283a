// Staff sessions in the database (so any instance can check or revoke them): only a hash of the cookie token is stored.
import { newId } from './ids.js';
import type { Kysely } from 'kysely';
import { writeAudit } from './audit-repo.js';
import { staffContext, type Role } from './context.js';
import type { Database } from './schema.js';

export interface SessionLimits {
  /** A session unused for this long ends (idle timeout). */
  idleMs: number;
  /** A session ends this long after login whatever happens. */
  absoluteMs: number;
}

export class SessionRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date, private readonly limits: SessionLimits) {}

  /** Starts a session after a successful sign-in (audited as a login). */
  async create(userId: string, tokenHash: string, role: Role = 'clinician'): Promise<void> {
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('staff_session').values({
        id: newId(), token_hash: tokenHash, user_id: userId, created_at: now.toISOString(), last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + this.limits.absoluteMs).toISOString(),
      }).execute();
      await writeAudit(trx, staffContext(userId, role), now.toISOString(), [{ action: 'staff.login', subjectUserId: userId }]);
    });
  }

  /** The user id of a live session, refreshing its idle clock; expired or idle sessions are deleted. */
  async use(tokenHash: string): Promise<string | undefined> {
    const now = this.now();
    const row = await this.db.selectFrom('staff_session').select(['id', 'user_id', 'last_seen_at', 'expires_at'])
      .where('token_hash', '=', tokenHash).executeTakeFirst();
    if (row === undefined) return undefined;
    const idleSince = now.getTime() - Date.parse(row.last_seen_at);
    if (Date.parse(row.expires_at) <= now.getTime() || idleSince >= this.limits.idleMs) {
      await this.db.deleteFrom('staff_session').where('id', '=', row.id).execute();
      return undefined;
    }
    // The idle clock restarts at every request, so a session ends exactly the promised time after its last use.
    // Requests within the same second (a page and its redirect) share one write.
    if (idleSince >= 1000) {
      await this.db.updateTable('staff_session').set({ last_seen_at: now.toISOString() }).where('id', '=', row.id).execute();
    }
    return row.user_id;
  }

  /** Signs out one session (audited). */
  async delete(tokenHash: string): Promise<void> {
    const row = await this.db.deleteFrom('staff_session').where('token_hash', '=', tokenHash).returning('user_id').executeTakeFirst();
    if (row !== undefined) await writeAudit(this.db, staffContext(row.user_id, 'clinician'), this.now().toISOString(), [{ action: 'staff.logout', subjectUserId: row.user_id }]);
  }

  /** "Log out everywhere": ends every session of the user (audited). */
  async deleteAllFor(userId: string): Promise<number> {
    const res = await this.db.deleteFrom('staff_session').where('user_id', '=', userId).executeTakeFirst();
    await writeAudit(this.db, staffContext(userId, 'clinician'), this.now().toISOString(), [{ action: 'staff.logout_all', subjectUserId: userId, detail: { sessions: Number(res.numDeletedRows) } }]);
    return Number(res.numDeletedRows);
  }

  async deleteExpired(): Promise<void> {
    const now = this.now();
    await this.db.deleteFrom('staff_session').where((eb) => eb.or([
      eb('expires_at', '<=', now.toISOString()),
      eb('last_seen_at', '<', new Date(now.getTime() - this.limits.idleMs).toISOString()),
    ])).execute();
  }
}
