// Migration 10: phone numbers stored in E.164 (+447700900982). Numbers kept as typed before are rewritten when they
// parse (UK by default); any other value is left exactly as it was.
import { sql, type Kysely } from 'kysely';
import { parsePhone } from '../../clinic/phone.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<{ id: string; phone: string }>`select id, phone from submission where phone is not null`.execute(db);
  for (const row of rows.rows) {
    const e164 = parsePhone(row.phone)?.e164;
    if (e164 !== undefined && e164 !== row.phone) await sql`update submission set phone = ${e164} where id = ${row.id}`.execute(db);
  }
}

export function down(): Promise<void> {
  // The numbers as typed are not kept; E.164 is a faithful form of each, so there is nothing to undo.
  return Promise.resolve();
}
