// Migration 5: the last TOTP time step each user signed in with, so a code (and any code before it) works only once.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_user').addColumn('totp_last_step', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_user').dropColumn('totp_last_step').execute();
}
