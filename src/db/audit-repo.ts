// The audit trail: append-only rows of who did what to which submission or staff account. No patient data: ids,
// references, codes.
import { newId } from './ids.js';
import type { Kysely, Transaction } from 'kysely';
import { requireAdmin, type RequestContext } from './context.js';
import type { Database } from './schema.js';

export type AuditAction =
  | 'submission.create' | 'submission.view' | 'submission.status' | 'submission.note' | 'submission.assign'
  | 'submission.feedback' | 'submission.export' | 'submission.delete' | 'submission.purge'
  | 'inbox.view' | 'inbox.export' | 'retention.purge'
  | 'staff.login' | 'staff.login_failed' | 'staff.logout' | 'staff.logout_all' | 'staff.create' | 'staff.disable'
  | 'staff.enable' | 'staff.reset_link' | 'staff.password_set' | 'staff.totp' | 'staff.list' | 'audit.view' | 'safety.view'
  | 'api.search' | 'api.denied' | 'api_client.create' | 'api_client.revoke' | 'webhook.create' | 'webhook.disable' | 'webhook.retry';

/** Values allowed in an audit detail: codes, counts and ids, never free text typed by a person. */
export type AuditDetail = Readonly<Record<string, string | number | boolean | null>>;

export interface AuditEntry {
  action: AuditAction;
  /** The staff account the action was about, if any. */
  subjectUserId?: string | null;
  submissionId?: string | null;
  reference?: string | null;
  detail?: AuditDetail;
}

export interface AuditRow {
  id: string;
  at: string;
  actorKind: string;
  userId: string | null;
  userEmail: string | null;
  action: string;
  subjectUserId: string | null;
  subjectEmail: string | null;
  submissionId: string | null;
  reference: string | null;
  detail: string | null;
}

type Executor = Kysely<Database> | Transaction<Database>;

/** Writes audit rows (inside the caller's transaction when given one). */
export async function writeAudit(db: Executor, ctx: RequestContext, at: string, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
    id: newId(),
    at,
    actor_kind: ctx.actor === 'system' ? `system:${ctx.job}` : ctx.actor === 'api' ? `api:${ctx.clientName}` : ctx.actor,
    user_id: ctx.actor === 'staff' ? ctx.userId : null,
    action: e.action,
    subject_user_id: e.subjectUserId ?? null,
    submission_id: e.submissionId ?? null,
    reference: e.reference ?? null,
    detail_json: e.detail === undefined ? null : JSON.stringify(e.detail),
  }));
  // Batches keep bulk exports and purges under the engines' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('audit_log').values(rows.slice(i, i + 500)).execute();
  }
}

export interface AuditQuery {
  reference?: string;
  limit: number;
  offset: number;
}

/** Reads the trail, newest first; admins only, and the reading is itself audited. There is deliberately no update or delete. */
export async function listAudit(db: Kysely<Database>, ctx: RequestContext, query: AuditQuery, at: string): Promise<{ rows: AuditRow[]; total: number }> {
  requireAdmin(ctx, 'read the audit log');
  const reference = query.reference === undefined || query.reference === '' ? undefined : query.reference.toUpperCase();
  let base = db.selectFrom('audit_log')
    .leftJoin('staff_user as actor', 'actor.id', 'audit_log.user_id')
    .leftJoin('staff_user as subject', 'subject.id', 'audit_log.subject_user_id');
  if (reference !== undefined) base = base.where('audit_log.reference', '=', reference);
  const rows = await base
    .select(['audit_log.id', 'audit_log.at', 'audit_log.actor_kind', 'audit_log.user_id', 'actor.email as actor_email',
      'audit_log.action', 'audit_log.subject_user_id', 'subject.email as subject_email', 'audit_log.submission_id',
      'audit_log.reference', 'audit_log.detail_json'])
    .orderBy('audit_log.at', 'desc').orderBy('audit_log.id')
    .limit(query.limit).offset(query.offset)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  await writeAudit(db, ctx, at, [{ action: 'audit.view', reference: reference ?? null, detail: { offset: query.offset, shown: rows.length } }]);
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({
      id: r.id, at: r.at, actorKind: r.actor_kind, userId: r.user_id, userEmail: r.actor_email, action: r.action,
      subjectUserId: r.subject_user_id, subjectEmail: r.subject_email,
      submissionId: r.submission_id, reference: r.reference, detail: r.detail_json,
    })),
  };
}
