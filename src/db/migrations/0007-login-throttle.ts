// Migration 7: sign-in throttling by keyed hashes. login_failure kept the typed email (sometimes a password typed in
// the wrong box) in plain text, for ever; it is dropped with its rows, and login_throttle holds only keyed hashes of
// the account, client address or device, which the retention job deletes after a quiet day.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_failure').execute();
  await db.schema.createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('blocked_until', 'text')
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_throttle_last_failed').on('login_throttle').column('last_failed_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_throttle').execute();
  await db.schema.createTable('login_failure')
    .addColumn('login_key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_failed_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
}
