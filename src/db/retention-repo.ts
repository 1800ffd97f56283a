// Deleting a person's data: by reference on request, and in bulk once it is older than the retention period.
// The audit trail stays (it holds no patient data); feedback keeps its verdict for the safety page but loses its comment.
import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from './audit-repo.js';
import { requireAdmin, type RequestContext } from './context.js';
import { parseReferenceCode } from './reference-code.js';
import type { Database } from './schema.js';

export class RetentionRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  /** Deletes one person's submission by its reference code; false when there is none. Admins only. */
  async deleteByReference(ctx: RequestContext, referenceInput: string): Promise<boolean> {
    requireAdmin(ctx, 'delete a submission');
    const reference = parseReferenceCode(referenceInput);
    if (reference === undefined) return false;
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('submission').select(['id', 'reference']).where('reference', '=', reference).executeTakeFirst();
      if (row === undefined) return false;
      const at = this.now().toISOString();
      await deleteRows(trx, [row.id]);
      await writeAudit(trx, ctx, at, [{ action: 'submission.delete', submissionId: row.id, reference: row.reference }]);
      return true;
    });
  }

  /**
   * Deletes every submission sent before the cutoff. Idempotent and safe to run from several instances at once:
   * each row is deleted (and audited) by whichever run's DELETE removes it.
   */
  async purgeOlderThan(ctx: RequestContext, cutoff: Date): Promise<number> {
    requireAdmin(ctx, 'purge submissions');
    let total = 0;
    for (;;) {
      const deleted = await this.db.transaction().execute(async (trx) => {
        const batch = await trx.selectFrom('submission').select(['id', 'reference'])
          .where('created_at', '<', cutoff.toISOString()).orderBy('created_at').limit(200).execute();
        if (batch.length === 0) return 0;
        const gone = await trx.deleteFrom('submission').where('id', 'in', batch.map((b) => b.id)).returning(['id', 'reference']).execute();
        await deleteRows(trx, gone.map((g) => g.id), false);
        await writeAudit(trx, ctx, this.now().toISOString(), gone.map((g) => ({
          action: 'submission.purge' as const, submissionId: g.id, reference: g.reference,
        })));
        return gone.length;
      });
      total += deleted;
      if (deleted === 0) break;
    }
    await writeAudit(this.db, ctx, this.now().toISOString(), [{
      action: 'retention.purge', detail: { cutoff: cutoff.toISOString(), deleted: total },
    }]);
    return total;
  }
}

async function deleteRows(trx: Transaction<Database>, ids: readonly string[], withSubmission = true): Promise<void> {
  if (ids.length === 0) return;
  await trx.deleteFrom('submission_event').where('submission_id', 'in', ids).execute();
  await trx.updateTable('feedback').set({ submission_id: null, comment: null }).where('submission_id', 'in', ids).execute();
  if (withSubmission) await trx.deleteFrom('submission').where('id', 'in', ids).execute();
}
