// Opens the database: an SQLite file under the data dir by default (WAL), PostgreSQL when a URL is given; applies migrations.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** PostgreSQL: the schema the service works in, where its migration tables live. */
  schema?: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… to use PostgreSQL; otherwise SQLite. */
  databaseUrl?: string | undefined;
  /** Folder for the SQLite file; created when missing. */
  dataDir: string;
  /** SQLite file name inside dataDir. */
  fileName?: string;
  /** PostgreSQL schema to use (created when missing); tests give each file its own. */
  pgSchema?: string;
  poolSize?: number;
  /**
   * SQLite's commit durability. FULL (default): an acknowledged commit survives power loss. NORMAL: it survives a crash
   * of the process (kill -9) but perhaps not of the machine; commits are faster because WAL appends are not fsynced.
   */
  sqliteSynchronous?: 'FULL' | 'NORMAL';
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Db> {
  const db = options.databaseUrl !== undefined && options.databaseUrl !== ''
    ? await openPostgres(options.databaseUrl, options.pgSchema, options.poolSize ?? 10)
    : openSqlite(options.dataDir, options.fileName ?? 'creak.sqlite', options.sqliteSynchronous ?? 'FULL');
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

function openSqlite(dataDir: string, fileName: string, synchronous: 'FULL' | 'NORMAL'): Db {
  mkdirSync(dataDir, { recursive: true });
  const database = new SqliteDatabase(join(dataDir, fileName));
  // WAL lets readers run beside the writer; synchronous=FULL makes an acknowledged commit survive power loss too.
  database.pragma('journal_mode = WAL');
  database.pragma(`synchronous = ${synchronous}`);
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}

async function openPostgres(url: string, schema: string | undefined, max: number): Promise<Db> {
  if (schema !== undefined) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`create schema if not exists ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const current = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(kysely);
  const working = current.rows[0]?.schema ?? undefined;
  return { kysely, dialect: 'postgres', ...(working === undefined ? {} : { schema: working }), close: () => kysely.destroy() };
}

async function migrate(db: Db): Promise<void> {
  const { kysely } = db;
  // Kysely looks for its migration tables in every schema of the database unless told which one; with another
  // schema's tables present (test files side by side, two services in one database) it would skip creating this
  // schema's and then fail to find them. So on PostgreSQL it is told the schema the connection really uses.
  const { schema } = db;
  const migrator = new Migrator({ db: kysely, provider: migrationProvider, ...(schema === undefined ? {} : { migrationTableSchema: schema }) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
  }
}

/** True when the database answers a trivial query. */
export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}

/** Drops a PostgreSQL schema made for a test. */
export async function dropPgSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
