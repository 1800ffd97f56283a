// Migrations on PostgreSQL look only at their own schema: another schema in the same database holding Kysely's
// migration tables (another app, another instance's tests) must not make them think theirs exist.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { dropPgSchema, openDatabase } from '../../src/db/database.js';
import { PG_URL, postgresSkip } from './helpers/backends.js';

describe('PostgreSQL migrations in a schema', async () => {
  const skip = await postgresSkip();
  const other = `t_${randomBytes(6).toString('hex')}`;
  const mine = `t_${randomBytes(6).toString('hex')}`;
  const byPath = `t_${randomBytes(6).toString('hex')}`;
  after(async () => {
    if (skip !== false) return;
    for (const schema of [other, mine, byPath]) await dropPgSchema(PG_URL, schema);
  });

  it('migrate their own schema while another schema has a half-made migration lock table', { skip }, async () => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(`create schema ${other}`);
      await client.query(`create table ${other}.kysely_migration_lock (id varchar(255) primary key, is_locked integer not null default 0)`);
    } finally {
      await client.end();
    }
    const db = await openDatabase({ dataDir: '.', databaseUrl: PG_URL, pgSchema: mine, poolSize: 2 });
    try {
      const tables = await db.kysely.introspection.getTables();
      assert.ok(tables.some((t) => t.schema === mine && t.name === 'submission'), 'the schema was migrated');
    } finally {
      await db.close();
    }
  });

  it('use the schema named by the connection search_path when no schema is given', { skip }, async () => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(`create schema ${byPath}`);
    } finally {
      await client.end();
    }
    const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${byPath}`)}`;
    const db = await openDatabase({ dataDir: '.', databaseUrl: url, poolSize: 2 });
    try {
      const tables = await db.kysely.introspection.getTables({ withInternalKyselyTables: true });
      assert.ok(tables.some((t) => t.schema === byPath && t.name === 'submission'));
      assert.ok(tables.some((t) => t.schema === byPath && t.name === 'kysely_migration'));
    } finally {
      await db.close();
    }
  });
});
