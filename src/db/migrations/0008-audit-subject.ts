// Migration 8: the audit log names whom a staff action was about (subject_user_id), and one-time links remember who
// made them (created_by), so a password set through an admin's link is traced back to that admin.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('subject_user_id', 'text').execute();
  await db.schema.alterTable('one_time_token').addColumn('created_by', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('one_time_token').dropColumn('created_by').execute();
  await db.schema.alterTable('audit_log').dropColumn('subject_user_id').execute();
}
