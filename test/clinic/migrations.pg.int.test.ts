// Migrations on PostgreSQL when the database already holds another schema with its own migration tables (a second
// service, or another test file running at the same time); required when CI=true.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { openDatabase } from '../../src/db/database.js';
import { PG_URL, postgresBackend, postgresSkip } from './helpers/backends.js';

async function tablesIn(schema: string | undefined): Promise<string[]> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = $1 and table_name in ('kysely_migration', 'kysely_migration_lock', 'submission') order by 1",
      [schema],
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

describe('migrations on PostgreSQL beside another schema', { skip: await postgresSkip() }, () => {
  const first = postgresBackend();
  const second = postgresBackend();
  after(async () => {
    await first.cleanup();
    await second.cleanup();
  });

  it('creates its own migration tables instead of taking another schema’s for its own', async () => {
    const a = await openDatabase(first.options);
    try {
      const b = await openDatabase(second.options);
      await b.close();
      // Opening it again finds its migrations done.
      const again = await openDatabase(second.options);
      await again.close();
    } finally {
      await a.close();
    }
    assert.deepEqual(await tablesIn(second.options.pgSchema), ['kysely_migration', 'kysely_migration_lock', 'submission']);
  });
});
