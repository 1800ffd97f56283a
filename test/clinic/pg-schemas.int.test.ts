// PostgreSQL: a database holding several schemas (test files side by side, or more than one Creak in one database)
// migrates each schema on its own; another schema's migration tables must not be taken for this one's.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import pg from 'pg';
import { dropPgSchema } from '../../src/db/database.js';
import { openStore } from '../../src/db/store.js';
import { PG_URL, postgresSkip } from './helpers/backends.js';

it('migrates a fresh schema while another schema in the database already has migration tables', async (t) => {
  const skip = await postgresSkip();
  if (skip !== false) {
    t.skip(skip);
    return;
  }
  const other = `t_${randomBytes(6).toString('hex')}`;
  const fresh = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`create schema ${other}`);
    await client.query(`create table ${other}.kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null)`);
    await client.query(`create table ${other}.kysely_migration_lock (id varchar(255) primary key, is_locked integer not null default 0)`);
    const store = await openStore({ dataDir: '.', databaseUrl: PG_URL, pgSchema: fresh, poolSize: 2 });
    try {
      assert.equal(await store.staff.count(), 0);
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${fresh}.kysely_migration`);
      assert.ok(Number(rows[0]?.n) >= 8, 'this schema has its own migration record');
    } finally {
      await store.close();
    }
  } finally {
    await client.end();
    await dropPgSchema(PG_URL, other);
    await dropPgSchema(PG_URL, fresh);
  }
});
