// What the benchmarks share about this machine: whether servers can be pinned to a core, and the test PostgreSQL.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import pg from 'pg';

/** Whether `taskset` can put the servers on one core and the load on the other. */
export const hasTaskset = spawnSync('taskset', ['--version']).status === 0 && cpus().length >= 2;

/** The PostgreSQL the benchmarks use (the tests' database). */
export const PG_URL = process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether PostgreSQL answers at PG_URL (a benchmark then runs on it too). */
export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
