// The email outbox: urgent and soon submissions wait here until one instance claims and emails them (at least once:
// done only once the mail server accepts); and the daily summary's counts.
import type { Kysely } from 'kysely';
import type { Level } from '../engine/types.js';
import type { Database } from './schema.js';

export interface PendingNotice {
  id: string;
  reference: string;
  level: Level;
  createdAt: string;
  dueAt: string;
  /** Failed attempts so far. */
  attempts: number;
}

export interface SummaryCounts {
  /** Sent since the given time, per level. */
  newByLevel: Partial<Record<Level, number>>;
  open: number;
  overdue: { reference: string; level: Level; dueAt: string }[];
}

export class NotificationRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  /**
   * Claims up to `limit` submissions still to be emailed; each is handed to exactly one caller across instances, for
   * `leaseMs`. A claim is a lease, not a mark: if its sender dies before the mail server accepts the message, the
   * lease lapses and a later sweep (on any instance) sends it. Only the last two days count, so switching mail on
   * later does not flood the clinic with old alerts.
   */
  async claimPending(limit: number, leaseMs: number): Promise<PendingNotice[]> {
    const now = this.now();
    const at = now.toISOString();
    const since = new Date(now.getTime() - 2 * 86_400_000).toISOString();
    const candidates = await this.db.selectFrom('submission').select('id')
      .where('notified_at', 'is', null).where('created_at', '>=', since)
      .where((eb) => eb.or([eb('notify_after', 'is', null), eb('notify_after', '<=', at)]))
      .orderBy('level_rank', 'desc').orderBy('created_at').limit(limit).execute();
    const lease = new Date(now.getTime() + leaseMs).toISOString();
    const claimed: PendingNotice[] = [];
    for (const { id } of candidates) {
      // The same conditions again, so of two instances racing for one row only one update matches.
      const row = await this.db.updateTable('submission').set({ notify_after: lease })
        .where('id', '=', id).where('notified_at', 'is', null)
        .where((eb) => eb.or([eb('notify_after', 'is', null), eb('notify_after', '<=', at)]))
        .returning(['id', 'reference', 'level', 'created_at', 'due_at', 'notify_attempts']).executeTakeFirst();
      if (row !== undefined) {
        claimed.push({ id: row.id, reference: row.reference, level: row.level as Level, createdAt: row.created_at, dueAt: row.due_at, attempts: row.notify_attempts });
      }
    }
    return claimed;
  }

  /** Records that the mail server accepted the email: the notice is done. */
  async markSent(id: string): Promise<void> {
    await this.db.updateTable('submission').set({ notified_at: this.now().toISOString(), notify_after: null }).where('id', '=', id).execute();
  }

  /** Counts a failed attempt and holds the notice back for `delayMs` before it may be claimed again. */
  async retryAfter(id: string, delayMs: number): Promise<void> {
    await this.db.updateTable('submission')
      .set((eb) => ({ notify_after: new Date(this.now().getTime() + delayMs).toISOString(), notify_attempts: eb('notify_attempts', '+', 1) }))
      .where('id', '=', id).where('notified_at', 'is', null).execute();
  }

  /** Gives a claimed notice back untried, to be claimed again at once. */
  async release(id: string): Promise<void> {
    await this.db.updateTable('submission').set({ notify_after: null }).where('id', '=', id).where('notified_at', 'is', null).execute();
  }

  /** Counts for the daily summary email: references and levels only. */
  async summary(since: Date): Promise<SummaryCounts> {
    const rows = await this.db.selectFrom('submission').select(['level', (eb) => eb.fn.countAll().as('n')])
      .where('created_at', '>=', since.toISOString()).groupBy('level').execute();
    const open = await this.db.selectFrom('submission').select((eb) => eb.fn.countAll().as('n')).where('status', '!=', 'closed').executeTakeFirst();
    const overdue = await this.db.selectFrom('submission').select(['reference', 'level', 'due_at'])
      .where('status', 'in', ['new', 'in_progress']).where('due_at', '<', this.now().toISOString())
      .orderBy('level_rank', 'desc').orderBy('due_at').limit(200).execute();
    return {
      newByLevel: Object.fromEntries(rows.map((r) => [r.level, Number(r.n)])),
      open: Number(open?.n ?? 0),
      overdue: overdue.map((o) => ({ reference: o.reference, level: o.level as Level, dueAt: o.due_at })),
    };
  }
}
