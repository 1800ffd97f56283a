// API clients of the clinic's records system: created and revoked by admins (audited), and looked up by the hash of the
// key they send, on every request, so a revoked client is refused at once.
import type { Kysely, Selectable } from 'kysely';
import { writeAudit } from './audit-repo.js';
import { apiContext, requireAdmin, type RequestContext } from './context.js';
import { newId } from './ids.js';
import type { ApiClientTable, Database } from './schema.js';

export type ApiScope = 'read';

export interface ApiClient {
  id: string;
  name: string;
  scope: ApiScope;
  createdAt: string;
  createdByName: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export type Authentication = { ok: true; client: ApiClient } | { ok: false; reason: 'unknown' | 'revoked' };

/** last_used_at is written at most this often per client, so reads do not each cost a write. */
const LAST_USED_EVERY_MS = 60_000;

function toClient(r: Selectable<ApiClientTable> & { created_by_name?: string | null }): ApiClient {
  return {
    id: r.id, name: r.name, scope: 'read', createdAt: r.created_at, createdByName: r.created_by_name ?? null,
    revokedAt: r.revoked_at, lastUsedAt: r.last_used_at,
  };
}

export class ApiClientRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  /** Adds a read-only client whose key hashes to `keyHash` (the key itself is shown once and never stored). */
  async create(ctx: RequestContext, name: string, keyHash: string): Promise<ApiClient> {
    requireAdmin(ctx, 'create an API client');
    const at = this.now().toISOString();
    const row = { id: newId(), name, scope: 'read', key_hash: keyHash, created_at: at, created_by: ctx.actor === 'staff' ? ctx.userId : null, revoked_at: null, last_used_at: null };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('api_client').values(row).execute();
      await writeAudit(trx, ctx, at, [{ action: 'api_client.create', detail: { client: row.id } }]);
    });
    return toClient(row);
  }

  /** Every client, newest first, revoked ones included (admins only). */
  async list(ctx: RequestContext): Promise<ApiClient[]> {
    requireAdmin(ctx, 'list API clients');
    const rows = await this.db.selectFrom('api_client').leftJoin('staff_user', 'staff_user.id', 'api_client.created_by')
      .selectAll('api_client').select('staff_user.name as created_by_name')
      .orderBy('api_client.created_at', 'desc').orderBy('api_client.id').execute();
    return rows.map(toClient);
  }

  /** Revokes a client for good; its next request is refused. False when there is no such active client. */
  async revoke(ctx: RequestContext, id: string): Promise<boolean> {
    requireAdmin(ctx, 'revoke an API client');
    const at = this.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const done = await trx.updateTable('api_client').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) return false;
      await writeAudit(trx, ctx, at, [{ action: 'api_client.revoke', detail: { client: id } }]);
      return true;
    });
  }

  /** The client a key belongs to. A revoked client's attempt is audited under its name; an unknown key is not. */
  async authenticate(keyHash: string): Promise<Authentication> {
    const row = await this.db.selectFrom('api_client').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
    if (row === undefined) return { ok: false, reason: 'unknown' };
    const now = this.now();
    if (row.revoked_at !== null) {
      await writeAudit(this.db, apiContext(row.id, row.name), now.toISOString(), [{ action: 'api.denied', detail: { client: row.id, reason: 'revoked' } }]);
      return { ok: false, reason: 'revoked' };
    }
    if (row.last_used_at === null || Date.parse(row.last_used_at) <= now.getTime() - LAST_USED_EVERY_MS) {
      await this.db.updateTable('api_client').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
    }
    return { ok: true, client: toClient(row) };
  }
}
