// Staff accounts: admins add, disable and re-enable them; passwords are set through one-time links, never by default.
import { newId } from './ids.js';
import type { Kysely, Selectable } from 'kysely';
import { writeAudit } from './audit-repo.js';
import { requireAdmin, type RequestContext, type Role } from './context.js';
import type { Database, StaffUserTable } from './schema.js';

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  hasPassword: boolean;
  totpEnabled: boolean;
  createdAt: string;
}

export interface StaffCredentials extends StaffUser {
  passwordHash: string | null;
  totpSecret: string | null;
}

export class StaffRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  async count(): Promise<number> {
    const row = await this.db.selectFrom('staff_user').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Adds an account with no password; 'exists' when the email is taken. The first admin is created by the system context. */
  async create(ctx: RequestContext, input: { email: string; name: string; role: Role }): Promise<StaffUser | 'exists'> {
    requireAdmin(ctx, 'add staff');
    const email = input.email.trim().toLowerCase();
    const at = this.now().toISOString();
    const id = newId();
    return this.db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom('staff_user').select('id').where('email', '=', email).executeTakeFirst();
      if (taken !== undefined) return 'exists' as const;
      await trx.insertInto('staff_user').values({
        id, email, name: input.name.trim(), role: input.role, password_hash: null, active: 1, totp_secret: null,
        created_at: at, password_changed_at: null,
      }).execute();
      await writeAudit(trx, ctx, at, [{ action: 'staff.create', subjectUserId: id, detail: { role: input.role } }]);
      const created = await trx.selectFrom('staff_user').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return toUser(created);
    });
  }

  /** Every account (names, emails, roles): admins only, and audited as a view. */
  async list(ctx: RequestContext): Promise<StaffUser[]> {
    requireAdmin(ctx, 'list staff');
    const rows = await this.db.selectFrom('staff_user').selectAll().orderBy('name').orderBy('email').execute();
    await writeAudit(this.db, ctx, this.now().toISOString(), [{ action: 'staff.list', detail: { shown: rows.length } }]);
    return rows.map(toUser);
  }

  /** Active clinicians and admins, for the assign menu. */
  async listAssignable(): Promise<{ id: string; name: string }[]> {
    return this.db.selectFrom('staff_user').select(['id', 'name']).where('active', '=', 1).orderBy('name').execute();
  }

  async byId(id: string): Promise<StaffCredentials | undefined> {
    const row = await this.db.selectFrom('staff_user').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toCredentials(row);
  }

  async byEmail(email: string): Promise<StaffCredentials | undefined> {
    const row = await this.db.selectFrom('staff_user').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    return row === undefined ? undefined : toCredentials(row);
  }

  /** Disables or re-enables an account; disabling ends all its sessions at once. */
  async setActive(ctx: RequestContext, id: string, active: boolean): Promise<boolean> {
    requireAdmin(ctx, 'disable staff');
    return this.db.transaction().execute(async (trx) => {
      const res = await trx.updateTable('staff_user').set({ active: active ? 1 : 0 }).where('id', '=', id).executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) return false;
      if (!active) await trx.deleteFrom('staff_session').where('user_id', '=', id).execute();
      await writeAudit(trx, ctx, this.now().toISOString(), [{ action: active ? 'staff.enable' : 'staff.disable', subjectUserId: id }]);
      return true;
    });
  }

  /**
   * Stores a new password hash and ends every session of the account. `via` records the one-time link used and who
   * made it, so a password set through an admin's link is traced to that admin as well as to the account.
   */
  async setPasswordHash(ctx: RequestContext, id: string, hash: string, via?: { link: 'setup' | 'password'; linkBy: string | null }): Promise<void> {
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('staff_user').set({ password_hash: hash, password_changed_at: at }).where('id', '=', id).execute();
      await trx.deleteFrom('staff_session').where('user_id', '=', id).execute();
      await writeAudit(trx, ctx, at, [{
        action: 'staff.password_set', subjectUserId: id, ...(via === undefined ? {} : { detail: { link: via.link, link_by: via.linkBy } }),
      }]);
    });
  }

  /**
   * Turns TOTP on (with its secret and the step of the code that confirmed it, which is then used up) or off.
   */
  async setTotpSecret(ctx: RequestContext, id: string, secret: string | null, confirmedStep: number | null = null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('staff_user').set({ totp_secret: secret, totp_last_step: secret === null ? null : confirmedStep }).where('id', '=', id).execute();
      await writeAudit(trx, ctx, this.now().toISOString(), [{ action: 'staff.totp', subjectUserId: id, detail: { enabled: secret !== null } }]);
    });
  }

  /**
   * Uses up a TOTP time step for the user: true for exactly one caller, on any instance, and only when the step is
   * later than every step used before, so a code cannot be replayed, not even an older one still inside the drift window.
   */
  async acceptTotpStep(id: string, step: number): Promise<boolean> {
    const res = await this.db.updateTable('staff_user').set({ totp_last_step: step }).where('id', '=', id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }
}

function toUser(r: Selectable<StaffUserTable>): StaffUser {
  return {
    id: r.id, email: r.email, name: r.name, role: r.role as Role, active: r.active === 1,
    hasPassword: r.password_hash !== null, totpEnabled: r.totp_secret !== null, createdAt: r.created_at,
  };
}

function toCredentials(r: Selectable<StaffUserTable>): StaffCredentials {
  return { ...toUser(r), passwordHash: r.password_hash, totpSecret: r.totp_secret };
}
