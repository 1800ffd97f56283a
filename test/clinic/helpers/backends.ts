// The storage backends the contract tests run on: SQLite in a temp folder, and PostgreSQL in a schema of its own per test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { dropPgSchema, type OpenDatabaseOptions } from '../../../src/db/database.js';

export const PG_URL = process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Backend {
  name: 'sqlite' | 'postgres';
  options: OpenDatabaseOptions;
  cleanup(): Promise<void>;
}

export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'creak-db-'));
  return {
    name: 'sqlite',
    options: { dataDir: dir },
    cleanup: () => { rmSync(dir, { recursive: true, force: true }); return Promise.resolve(); },
  };
}

export function postgresBackend(): Backend {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  return {
    name: 'postgres',
    options: { dataDir: '.', databaseUrl: PG_URL, pgSchema: schema, poolSize: 4 },
    cleanup: () => dropPgSchema(PG_URL, schema),
  };
}

/**
 * Why PostgreSQL tests cannot run here, or undefined when they can. In CI (CI=true) a missing server is a failure,
 * never a skip, so callers throw instead of skipping then.
 */
export async function postgresUnavailable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL at ${PG_URL} is not reachable (${error instanceof Error ? error.message : 'unknown error'})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The skip reason for a PostgreSQL test: throws in CI when the server is missing. */
export async function postgresSkip(): Promise<string | false> {
  const reason = await postgresUnavailable();
  if (reason === undefined) return false;
  if (process.env.CI === 'true') throw new Error(`${reason}; PostgreSQL tests are required when CI=true`);
  return reason;
}
