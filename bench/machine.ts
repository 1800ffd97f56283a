// What the benchmarks share about this machine: pinning servers and load to cores, starting and measuring server
// processes, and the test PostgreSQL.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createInterface } from 'node:readline';
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

/** Moves this (load) process to CPU 1, leaving CPU 0 to the servers; a no-op without taskset. */
export function pinLoad(): void {
  if (hasTaskset) spawnSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
}

/** Lets this process use every CPU again. */
export function unpinLoad(): void {
  if (hasTaskset) spawnSync('taskset', ['-cp', `0-${String(cpus().length - 1)}`, String(process.pid)], { stdio: 'ignore' });
}

/**
 * Starts a server process (`node --import tsx <script> …args`, on CPU 0 when taskset is there) and resolves with it
 * and the JSON it prints on its first line (its port and whatever else it reports).
 */
export async function startServerProcess(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; info: unknown }> {
  const command = hasTaskset ? 'taskset' : process.execPath;
  const argv = [...(hasTaskset ? ['-c', '0', process.execPath] : []), '--import', 'tsx', script, ...args];
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production', ...env } });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => { reject(new Error(`bench server exited with ${String(code)}`)); });
  });
  return { child, info: JSON.parse(first) as unknown };
}

/** Stops a server process with SIGTERM and waits until it has exited. */
export async function stopServerProcess(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** CPU time (user + system) of a process so far, in microseconds (Linux /proc; NaN elsewhere). */
export function cpuMicros(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${String(pid)}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100;
  } catch {
    return Number.NaN;
  }
}
