// One-time links (first-admin setup, password set/reset): hashed, expiring, and consumed atomically so each works once.
// Making one is audited with who made it and for whom.
import { newId } from './ids.js';
import type { Kysely } from 'kysely';
import { writeAudit } from './audit-repo.js';
import type { RequestContext } from './context.js';
import type { Database } from './schema.js';

export type TokenKind = 'setup' | 'password';

export interface OneTimeToken {
  id: string;
  kind: TokenKind;
  userId: string | null;
  expiresAt: string;
  /** The staff member who made the link (null: the system). */
  createdBy: string | null;
}

export class TokenRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  /**
   * Stores a new token made by `ctx` (an admin, or the system); older unused tokens of the same kind for the same user
   * stop working. A password link is audited as staff.reset_link by its maker, about its user.
   */
  async create(ctx: RequestContext, kind: TokenKind, userId: string | null, tokenHash: string, ttlMs: number): Promise<OneTimeToken> {
    const now = this.now();
    const id = newId();
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    const createdBy = ctx.actor === 'staff' ? ctx.userId : null;
    await this.db.transaction().execute(async (trx) => {
      let old = trx.updateTable('one_time_token').set({ used_at: now.toISOString() }).where('kind', '=', kind).where('used_at', 'is', null);
      old = userId === null ? old.where('user_id', 'is', null) : old.where('user_id', '=', userId);
      await old.execute();
      await trx.insertInto('one_time_token').values({
        id, token_hash: tokenHash, kind, user_id: userId, created_at: now.toISOString(), expires_at: expiresAt, used_at: null, created_by: createdBy,
      }).execute();
      if (kind === 'password') await writeAudit(trx, ctx, now.toISOString(), [{ action: 'staff.reset_link', subjectUserId: userId, detail: { expires: expiresAt } }]);
    });
    return { id, kind, userId, expiresAt, createdBy };
  }

  /** The token if it is unused and unexpired, without using it (for showing the form). */
  async peek(kind: TokenKind, tokenHash: string): Promise<OneTimeToken | undefined> {
    const row = await this.db.selectFrom('one_time_token').select(['id', 'kind', 'user_id', 'expires_at', 'created_by'])
      .where('token_hash', '=', tokenHash).where('kind', '=', kind).where('used_at', 'is', null)
      .where('expires_at', '>', this.now().toISOString()).executeTakeFirst();
    return row === undefined ? undefined : { id: row.id, kind, userId: row.user_id, expiresAt: row.expires_at, createdBy: row.created_by };
  }

  /** Uses the token; only one caller, on any instance, ever gets it back. */
  async consume(kind: TokenKind, tokenHash: string): Promise<OneTimeToken | undefined> {
    const now = this.now().toISOString();
    const row = await this.db.updateTable('one_time_token').set({ used_at: now })
      .where('token_hash', '=', tokenHash).where('kind', '=', kind).where('used_at', 'is', null).where('expires_at', '>', now)
      .returning(['id', 'user_id', 'expires_at', 'created_by']).executeTakeFirst();
    return row === undefined ? undefined : { id: row.id, kind, userId: row.user_id, expiresAt: row.expires_at, createdBy: row.created_by };
  }
}
