// Migration 3: an index in the inbox's own order (most urgent first, then oldest), so a page is read from the index
// instead of sorting every open submission.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('submission_inbox_order').on('submission').expression(sql`level_rank desc, created_at asc, id asc`).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('submission_inbox_order').execute();
}
