// Webhooks: the endpoints an admin sets (audited), the outbox of notifications to send (filled in the same transaction
// as each new submission), claims so that several instances never send the same attempt at once, and the delivery log.
import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from './audit-repo.js';
import { requireAdmin, type RequestContext } from './context.js';
import { newId } from './ids.js';
import type { Database } from './schema.js';

export const WEBHOOK_EVENT = 'submission.created';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookEndpoint {
  id: string;
  url: string;
  createdAt: string;
  disabledAt: string | null;
}

export interface DeliveryLogRow {
  id: string;
  endpointUrl: string;
  event: string;
  submissionId: string;
  createdAt: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
}

/** A claimed delivery, with what is needed to send it. */
export interface DueDelivery {
  id: string;
  event: string;
  submissionId: string;
  createdAt: string;
  attempts: number;
  url: string;
  secret: string;
}

/** Inside the submission's own transaction: one pending notification per active endpoint. */
export async function enqueueSubmissionCreated(trx: Transaction<Database>, submissionId: string, at: string): Promise<void> {
  const endpoints = await trx.selectFrom('webhook_endpoint').select('id').where('disabled_at', 'is', null).execute();
  if (endpoints.length === 0) return;
  await trx.insertInto('webhook_delivery').values(endpoints.map((e) => ({
    id: newId(), endpoint_id: e.id, event: WEBHOOK_EVENT, submission_id: submissionId, created_at: at, status: 'pending',
    attempts: 0, next_attempt_at: at, locked_until: null, last_attempt_at: null, last_status: null, last_error: null, delivered_at: null,
  }))).execute();
}

export class WebhookRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  /** Adds an endpoint; every submission from now on is notified to it, signed with `secret`. */
  async createEndpoint(ctx: RequestContext, url: string, secret: string): Promise<WebhookEndpoint> {
    requireAdmin(ctx, 'add a webhook');
    const at = this.now().toISOString();
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('webhook_endpoint').values({ id, url, secret, created_at: at, created_by: ctx.actor === 'staff' ? ctx.userId : null, disabled_at: null }).execute();
      await writeAudit(trx, ctx, at, [{ action: 'webhook.create', detail: { endpoint: id } }]);
    });
    return { id, url, createdAt: at, disabledAt: null };
  }

  async listEndpoints(ctx: RequestContext): Promise<WebhookEndpoint[]> {
    requireAdmin(ctx, 'list webhooks');
    const rows = await this.db.selectFrom('webhook_endpoint').select(['id', 'url', 'created_at', 'disabled_at'])
      .orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, url: r.url, createdAt: r.created_at, disabledAt: r.disabled_at }));
  }

  /** Stops an endpoint: nothing more is sent to it, and its pending notifications are given up (and logged so). */
  async disableEndpoint(ctx: RequestContext, id: string): Promise<boolean> {
    requireAdmin(ctx, 'remove a webhook');
    const at = this.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const done = await trx.updateTable('webhook_endpoint').set({ disabled_at: at }).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) return false;
      await trx.updateTable('webhook_delivery').set({ status: 'failed', last_error: 'endpoint_removed', locked_until: null })
        .where('endpoint_id', '=', id).where('status', '=', 'pending').execute();
      await writeAudit(trx, ctx, at, [{ action: 'webhook.disable', detail: { endpoint: id } }]);
      return true;
    });
  }

  /** The delivery log, newest first (admins only). */
  async listDeliveries(ctx: RequestContext, page: { limit: number; offset: number }): Promise<{ rows: DeliveryLogRow[]; total: number }> {
    requireAdmin(ctx, 'read the webhook log');
    const rows = await this.db.selectFrom('webhook_delivery').innerJoin('webhook_endpoint', 'webhook_endpoint.id', 'webhook_delivery.endpoint_id')
      .selectAll('webhook_delivery').select('webhook_endpoint.url')
      .orderBy('webhook_delivery.created_at', 'desc').orderBy('webhook_delivery.id', 'desc').limit(page.limit).offset(page.offset).execute();
    const count = await this.db.selectFrom('webhook_delivery').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    return {
      total: Number(count?.n ?? 0),
      rows: rows.map((r) => ({
        id: r.id, endpointUrl: r.url, event: r.event, submissionId: r.submission_id, createdAt: r.created_at, status: r.status as DeliveryStatus,
        attempts: r.attempts, nextAttemptAt: r.next_attempt_at, lastAttemptAt: r.last_attempt_at, lastStatus: r.last_status,
        lastError: r.last_error, deliveredAt: r.delivered_at,
      })),
    };
  }

  /** Sends a given-up notification again from now (its endpoint must still be active). */
  async retry(ctx: RequestContext, id: string): Promise<boolean> {
    requireAdmin(ctx, 'retry a webhook');
    const at = this.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const active = trx.selectFrom('webhook_endpoint').select('id').where('disabled_at', 'is', null);
      const done = await trx.updateTable('webhook_delivery').set({ status: 'pending', next_attempt_at: at, locked_until: null })
        .where('id', '=', id).where('status', '=', 'failed').where('endpoint_id', 'in', active).executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) return false;
      await writeAudit(trx, ctx, at, [{ action: 'webhook.retry', detail: { delivery: id } }]);
      return true;
    });
  }

  /** Claims up to `limit` due notifications for `leaseMs`; each attempt is handed to one caller across instances. */
  async claimDue(limit: number, leaseMs: number): Promise<DueDelivery[]> {
    const now = this.now();
    const at = now.toISOString();
    const candidates = await this.db.selectFrom('webhook_delivery').select('id')
      .where('status', '=', 'pending').where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
      .orderBy('next_attempt_at').orderBy('id').limit(limit).execute();
    const claimed: DueDelivery[] = [];
    const until = new Date(now.getTime() + leaseMs).toISOString();
    for (const { id } of candidates) {
      const row = await this.db.updateTable('webhook_delivery').set({ locked_until: until })
        .where('id', '=', id).where('status', '=', 'pending')
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
        .returning(['id', 'endpoint_id', 'event', 'submission_id', 'created_at', 'attempts']).executeTakeFirst();
      if (row === undefined) continue;
      const endpoint = await this.db.selectFrom('webhook_endpoint').select(['url', 'secret']).where('id', '=', row.endpoint_id).where('disabled_at', 'is', null).executeTakeFirst();
      if (endpoint === undefined) continue;
      claimed.push({ id: row.id, event: row.event, submissionId: row.submission_id, createdAt: row.created_at, attempts: row.attempts, url: endpoint.url, secret: endpoint.secret });
    }
    return claimed;
  }

  /**
   * Records one attempt: delivered, or failed with the time of the next try (null: given up). `httpStatus` is the
   * receiver's status, if it answered; `error` a short code, never the receiver's body.
   */
  async recordAttempt(id: string, result: { delivered: true; httpStatus: number } | { delivered: false; httpStatus: number | null; error: string; nextAttemptAt: string | null }): Promise<void> {
    const at = this.now().toISOString();
    const base = this.db.updateTable('webhook_delivery').where('id', '=', id).where('status', '=', 'pending');
    if (result.delivered) {
      await base.set((eb) => ({ attempts: eb('attempts', '+', 1), status: 'delivered', delivered_at: at, last_attempt_at: at, last_status: result.httpStatus, last_error: null, locked_until: null })).execute();
      return;
    }
    await base.set((eb) => ({
      attempts: eb('attempts', '+', 1), last_attempt_at: at, last_status: result.httpStatus, last_error: result.error, locked_until: null,
      ...(result.nextAttemptAt === null ? { status: 'failed' } : { next_attempt_at: result.nextAttemptAt }),
    })).execute();
  }

  /** Deletes log rows of finished notifications older than `before` (the log is for troubleshooting, not an archive). */
  async purgeFinished(before: Date): Promise<number> {
    const done = await this.db.deleteFrom('webhook_delivery').where('status', 'in', ['delivered', 'failed']).where('created_at', '<', before.toISOString()).executeTakeFirst();
    return Number(done.numDeletedRows);
  }
}
