// Migration 2: the send form's nonce (so a form sent twice makes one record) and when the clinic was emailed (an outbox).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('submission').addColumn('form_nonce', 'text').execute();
  await db.schema.alterTable('submission').addColumn('notified_at', 'text').execute();
  await db.schema.createIndex('submission_form_nonce').on('submission').column('form_nonce').unique().execute();
  await db.schema.createIndex('submission_notified').on('submission').columns(['notified_at', 'level_rank']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('submission_notified').execute();
  await db.schema.dropIndex('submission_form_nonce').execute();
  await db.schema.alterTable('submission').dropColumn('notified_at').execute();
  await db.schema.alterTable('submission').dropColumn('form_nonce').execute();
}
