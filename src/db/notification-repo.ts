// The email outbox: urgent and soon submissions wait here until one instance claims and emails them; and summary counts.
import type { Kysely } from 'kysely';
import type { Level } from '../engine/types.js';
import type { Database } from './schema.js';

export interface PendingNotice {
  id: string;
  reference: string;
  level: Level;
  createdAt: string;
  dueAt: string;
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
   * Claims up to `limit` submissions still to be emailed; each is handed to exactly one caller across instances.
   * Only the last two days count, so switching mail on later does not flood the clinic with old alerts.
   */
  async claimPending(limit: number): Promise<PendingNotice[]> {
    const since = new Date(this.now().getTime() - 2 * 86_400_000).toISOString();
    const candidates = await this.db.selectFrom('submission').select('id').where('notified_at', 'is', null).where('created_at', '>=', since)
      .orderBy('level_rank', 'desc').orderBy('created_at').limit(limit).execute();
    const claimed: PendingNotice[] = [];
    const at = this.now().toISOString();
    for (const { id } of candidates) {
      const row = await this.db.updateTable('submission').set({ notified_at: at }).where('id', '=', id).where('notified_at', 'is', null)
        .returning(['id', 'reference', 'level', 'created_at', 'due_at']).executeTakeFirst();
      if (row !== undefined) claimed.push({ id: row.id, reference: row.reference, level: row.level as Level, createdAt: row.created_at, dueAt: row.due_at });
    }
    return claimed;
  }

  /** Puts a claimed notice back after a failed send, so a later sweep retries it. */
  async release(id: string): Promise<void> {
    await this.db.updateTable('submission').set({ notified_at: null }).where('id', '=', id).execute();
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
