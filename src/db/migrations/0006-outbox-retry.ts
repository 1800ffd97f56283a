// Migration 6: the email outbox delivers at least once. notified_at is now set only after the mail server accepted
// the message; notify_after holds a claim's lease (while one instance sends) or the back-off after a failed send.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('submission').addColumn('notify_after', 'text').execute();
  await db.schema.alterTable('submission').addColumn('notify_attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('submission').dropColumn('notify_attempts').execute();
  await db.schema.alterTable('submission').dropColumn('notify_after').execute();
}
