// Load benchmark of the person's side as people use it: 200 people at once, each doing whole checks (every page from the
// first question to the result, through the HTML they are served) for 60 seconds, 5% of them then sending the result.
// On SQLite with one instance, and on PostgreSQL with two instances on one database behind a round-robin "balancer"
// (every request may go to either). Reports errors, p50/p99 page time, throughput, memory, and that every
// acknowledged send is stored. Servers run in child processes (this file with --serve), on CPU 0 when taskset exists.
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadClinicalContent } from '../src/content/clinical-loader.js';
import { Browser, numberRanges, PageError, seeded, wholeCheck, type Fetcher, type Hit } from './person.js';
import { cpuMicros, hasTaskset, PG_URL, pinLoad, postgresReachable, startServerProcess, stopServerProcess, unpinLoad } from './machine.js';

const BASE_URL = 'http://127.0.0.1:3000';

// ---------------------------------------------------------------- server side (child process)

async function serve(db: 'sqlite' | 'postgres', dataDir: string, schema: string): Promise<void> {
  const { createClinic } = await import('../src/clinic/index.js');
  const { loadConfig } = await import('../src/config.js');
  const { buildApp } = await import('../src/server/app.js');
  const config = loadConfig({ DATA_DIR: dataDir, BASE_URL, ...(db === 'postgres' ? { DATABASE_URL: PG_URL } : {}) });
  const content = loadClinicalContent();
  // Every virtual person comes from 127.0.0.1, so the per-address send limit is lifted; the background jobs run as in
  // production (with no mail server there is nothing to send).
  const clinic = await createClinic({
    config, content, log: () => undefined,
    settings: { printSetupLink: false, sendLimit: { max: 1e9, windowMs: 60_000 } },
    ...(db === 'postgres' ? { database: { pgSchema: schema } } : {}),
  });
  // The production logger (one line per request), written nowhere.
  const app = buildApp({ config, content, clinic, logger: true, logStream: createWriteStream('/dev/null') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address !== null ? address.port : 0 })}\n`);
  process.on('SIGTERM', () => {
    void app.close().then(() => clinic.close()).then(() => process.exit(0));
  });
}

// ---------------------------------------------------------------- load side

interface Server { child: ChildProcess; port: number }

async function startServer(db: 'sqlite' | 'postgres', dataDir: string, schema: string): Promise<Server> {
  const { child, info } = await startServerProcess(new URL(import.meta.url).pathname, ['--serve', db, dataDir, schema]);
  return { child, port: (info as { port: number }).port };
}

/** Resident and peak memory of a process, in MB (Linux). */
function memoryMb(pid: number | undefined): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: Number.NaN, peak: Number.NaN };
  }
}

/** Each request goes to the next instance in turn, as a load balancer without sticky sessions would send it. */
function balancer(ports: number[]): Fetcher {
  let next = 0;
  return async (method, url, body) => {
    const port = ports[next++ % ports.length] ?? 0;
    const u = new URL(url);
    const res = await fetch(`http://127.0.0.1:${String(port)}${u.pathname}${u.search}`, {
      method, redirect: 'manual', body: body ?? null,
      headers: { 'sec-fetch-site': 'same-origin', ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded', origin: BASE_URL } : {}) },
    });
    return { status: res.status, location: res.headers.get('location') ?? undefined, body: await res.text() };
  };
}

interface RunResult {
  label: string;
  checks: number;
  sent: number;
  pages: number;
  errors: string[];
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  memory: { rss: number; peak: number }[];
  stored: number;
  /** Server CPU per page (all instances), and the share of a core the people used (to see they were not the limit). */
  serverCpuMsPerPage: number;
  loadCpuShare: number;
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

/** Runs `people` virtual people against the fetcher until `seconds` have passed (checks under way are finished). */
async function drive(fetcher: Fetcher, people: number, seconds: number, sendShare: number, seed: number): Promise<{ hits: Hit[]; checks: number; sent: number; errors: string[]; seconds: number }> {
  const ranges = numberRanges(loadClinicalContent());
  const hits: Hit[] = [];
  const errors: string[] = [];
  let checks = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const person = async (i: number): Promise<void> => {
    const random = seeded(seed * 1000 + i);
    await new Promise((resolve) => setTimeout(resolve, random() * 1000));
    while (performance.now() < deadline) {
      const browser = new Browser(fetcher);
      try {
        const result = await wholeCheck(browser, BASE_URL, { ranges, random, send: random() < sendShare, n: seed * 1_000_000 + checks });
        checks++;
        if (result.sent) sent++;
      } catch (error) {
        errors.push(error instanceof PageError ? error.message : String(error));
      }
      hits.push(...browser.hits);
    }
  };
  await Promise.all(Array.from({ length: people }, (_, i) => person(i)));
  return { hits, checks, sent, errors, seconds: (performance.now() - started) / 1000 };
}

async function countStored(db: 'sqlite' | 'postgres', dataDir: string, schema: string): Promise<number> {
  if (db === 'sqlite') {
    const file = new Database(join(dataDir, 'creak.sqlite'), { readonly: true });
    try {
      return (file.prepare('select count(*) as n from submission').get() as { n: number }).n;
    } finally {
      file.close();
    }
  }
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const rows = await client.query<{ n: string }>(`select count(*) as n from "${schema}".submission`);
    return Number(rows.rows[0]?.n ?? Number.NaN);
  } finally {
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  }
}

async function run(db: 'sqlite' | 'postgres', instances: number, people: number, seconds: number, sendShare: number): Promise<RunResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'creak-people-'));
  const schema = `bench_people_${String(process.pid)}`;
  const servers: Server[] = [];
  try {
    // One after another, so the first runs the migrations and the second finds them done.
    for (let i = 0; i < instances; i++) servers.push(await startServer(db, dataDir, schema));
    const fetcher = balancer(servers.map((s) => s.port));
    const warm = await drive(fetcher, 20, 5, sendShare, 1);
    if (warm.errors.length > 0) throw new Error(`warm-up: ${warm.errors.slice(0, 3).join('; ')}`);
    const cpuBefore = servers.reduce((sum, s) => sum + cpuMicros(s.child.pid) / 1000, 0);
    const loadBefore = process.cpuUsage();
    const measured = await drive(fetcher, people, seconds, sendShare, 2);
    const load = process.cpuUsage(loadBefore);
    const serverCpu = servers.reduce((sum, s) => sum + cpuMicros(s.child.pid) / 1000, 0) - cpuBefore;
    const memory = servers.map((s) => memoryMb(s.child.pid));
    for (const s of servers) await stopServerProcess(s.child);
    servers.length = 0;
    const stored = await countStored(db, dataDir, schema);
    const ms = measured.hits.map((h) => h.ms).sort((a, b) => a - b);
    return {
      label: `${db}, ${String(instances)} instance${instances === 1 ? '' : 's'}`, checks: measured.checks, sent: measured.sent + warm.sent, pages: ms.length,
      errors: measured.errors, seconds: measured.seconds, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), max: ms.at(-1) ?? Number.NaN, memory, stored,
      serverCpuMsPerPage: serverCpu / ms.length, loadCpuShare: (load.user + load.system) / 1000 / (measured.seconds * 1000),
    };
  } finally {
    for (const s of servers) await stopServerProcess(s.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs the load benchmark and prints its table; `npm run bench` and `npm run bench:people` call it. */
export async function benchPeople(): Promise<void> {
  const people = Number(process.env.BENCH_PEOPLE ?? 200);
  const seconds = Number(process.env.BENCH_PEOPLE_SECONDS ?? 60);
  const sendShare = 0.05;
  console.log(`\n== people: ${String(people)} at once doing whole checks for ${String(seconds)} s, ${String(sendShare * 100)}% sending; ` +
    `no pause between pages${hasTaskset ? '; servers on CPU 0, people on CPU 1' : ''} ==`);
  pinLoad();
  const results: RunResult[] = [];
  try {
    results.push(await run('sqlite', 1, people, seconds, sendShare));
    if (await postgresReachable()) results.push(await run('postgres', 2, people, seconds, sendShare));
    else console.log(`bench: PostgreSQL at ${PG_URL} not reachable; the load benchmark ran on SQLite only`);
  } finally {
    unpinLoad();
  }
  console.log('what                   | checks | sent (stored) | pages | errors | pages/s | checks/s | p50 ms | p99 ms | max ms | server CPU ms/page | people CPU | RSS after (peak) MB');
  for (const r of results) {
    const mem = r.memory.map((m) => `${m.rss.toFixed(0)} (${m.peak.toFixed(0)})`).join(' + ');
    console.log(`${r.label.padEnd(22)} | ${String(r.checks).padStart(6)} | ${`${String(r.sent)} (${String(r.stored)})`.padStart(13)} | ${String(r.pages).padStart(5)} | ` +
      `${String(r.errors.length).padStart(6)} | ${(r.pages / r.seconds).toFixed(0).padStart(7)} | ${(r.checks / r.seconds).toFixed(1).padStart(8)} | ` +
      `${r.p50.toFixed(0).padStart(6)} | ${r.p99.toFixed(0).padStart(6)} | ${r.max.toFixed(0).padStart(6)} | ${r.serverCpuMsPerPage.toFixed(2).padStart(18)} | ` +
      `${(r.loadCpuShare * 100).toFixed(0).padStart(9)}% | ${mem}`);
    for (const e of r.errors.slice(0, 5)) console.log(`  error: ${e}`);
  }
  const bad = results.filter((r) => r.errors.length > 0 || r.stored !== r.sent);
  if (bad.length > 0) throw new Error(`people: ${bad.map((r) => `${r.label}: ${String(r.errors.length)} errors, ${String(r.sent)} sends acknowledged, ${String(r.stored)} stored`).join('; ')}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--serve');
  if (i >= 0) await serve(process.argv[i + 1] === 'postgres' ? 'postgres' : 'sqlite', process.argv[i + 2] ?? '', process.argv[i + 3] ?? '');
  else await benchPeople();
}
