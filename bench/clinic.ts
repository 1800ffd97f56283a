// Clinic benchmark: sending a result under load (50 concurrent senders) on SQLite and PostgreSQL (throughput, p99),
// and the staff inbox page with 10,000 stored submissions (p99, target under 100 ms). The server runs in a child process
// (this same file with --serve), pinned to CPU 0 when taskset exists, so the load generator does not share its event loop.
import { completeAnswers } from '../test/clinic/helpers/answers.js';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { hasTaskset, PG_URL, postgresReachable, startServerProcess, stopServerProcess } from './machine.js';

/** SQLite with synchronous=FULL (the default), SQLite with NORMAL, or PostgreSQL. */
type Variant = 'sqlite' | 'sqlite-normal' | 'postgres';


interface ServerInfo {
  port: number;
  cookie: string;
  formSecret: string;
  answers: [string, string][];
}

// ---------------------------------------------------------------- server side (child process)

async function serve(variant: Variant, seed: number): Promise<void> {
  const db = variant === 'postgres' ? 'postgres' : 'sqlite';
  const { createClinic } = await import('../src/clinic/index.js');
  const { loadConfig } = await import('../src/config.js');
  const { loadClinicalContent } = await import('../src/content/clinical-loader.js');
  const { buildApp } = await import('../src/server/app.js');
  const { systemContext } = await import('../src/db/context.js');
  const { newToken, tokenHash } = await import('../src/clinic/auth/tokens.js');
  const { triage } = await import('../src/engine/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'creak-bench-'));
  const schema = `bench_${process.pid}`;
  const config = loadConfig({ DATA_DIR: dir, ...(db === 'postgres' ? { DATABASE_URL: PG_URL } : {}) });
  const content = loadClinicalContent();
  const clinic = await createClinic({
    config, content, env: { SQLITE_SYNCHRONOUS: variant === 'sqlite-normal' ? 'NORMAL' : 'FULL' }, schedule: false, log: () => undefined,
    settings: { printSetupLink: false, argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 }, sendLimit: { max: 1e9, windowMs: 60_000 }, sessionIdleMs: 3600_000 },
    ...(db === 'postgres' ? { database: { pgSchema: schema, poolSize: 20 } } : {}),
  });
  const store = clinic.ctx.store;
  // An urgent knee: answered the way the engine asks, so the server re-runs a full triage on each send.
  const given: Record<string, boolean | number | string> = { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true };
  const { answers } = completeAnswers(content, given);
  const outcome = triage(content, answers);
  if (outcome.status !== 'outcome') throw new Error('bench answers reach no outcome');
  if (seed > 0) {
    const levels = ['emergency', 'urgent', 'soon', 'routine', 'self_care'] as const;
    const statuses = ['new', 'in_progress', 'contacted', 'closed'] as const;
    const t0 = Date.now() - seed * 60_000;
    for (let start = 0; start < seed; start += 500) {
      const rows = Array.from({ length: Math.min(500, seed - start) }, (_, j) => {
        const i = start + j;
        const level = levels[i % 5] ?? 'routine';
        const at = new Date(t0 + i * 60_000).toISOString();
        return {
          id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, reference: `CRK-B${String(i).padStart(7, '0').slice(0, 3)}-${String(i).padStart(7, '0').slice(3)}`,
          created_at: at, updated_at: at, status: statuses[i % 4] ?? 'new', level, level_rank: 4 - (i % 5), region: 'knee', emergency: level === 'emergency' ? 1 : 0,
          due_at: at, assignee_id: null, name: `Person ${String(i)}`, name_search: `person ${String(i)}`, phone: '07700 900000', email: null,
          best_time: 'any', message: null, answers_json: JSON.stringify(answers), outcome_json: JSON.stringify({ ...outcome.outcome, level }),
          content_version: content.version, form_nonce: null, notified_at: 'not-needed',
        };
      });
      await store.kysely.insertInto('submission').values(rows).execute();
    }
  }
  const user = await store.staff.create(systemContext('bench'), { email: 'bench@example.com', name: 'Bench', role: 'clinician' });
  if (user === 'exists') throw new Error('bench user exists');
  const token = newToken();
  await store.sessions.create(user.id, tokenHash(token), 'clinician');
  const app = buildApp({ config, content, clinic });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const info: ServerInfo = {
    port: typeof address === 'object' && address !== null ? address.port : 0,
    cookie: `creak_staff=${token}`, formSecret: clinic.ctx.formSecret,
    // The answers travel sealed, as the send form carries them.
    answers: [['s', clinic.ctx.checkStates.seal({ answers }, new Date())]],
  };
  process.stdout.write(`${JSON.stringify(info)}\n`);
  const stop = async () => {
    await app.close();
    await clinic.close();
    if (db === 'postgres') {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => { void stop(); });
}

// ---------------------------------------------------------------- load side

async function startServer(db: Variant, seed: number): Promise<{ child: ChildProcess; info: ServerInfo }> {
  const { child, info } = await startServerProcess(new URL(import.meta.url).pathname, ['--serve', db, String(seed)]);
  return { child, info: info as ServerInfo };
}

interface Result { label: string; requests: number; seconds: number; reqPerSec: number; p50: number; p99: number; max: number }

async function run(label: string, opts: autocannon.Options, expectStatus: number): Promise<Result> {
  const started = performance.now();
  const result = await autocannon(opts);
  const seconds = (performance.now() - started) / 1000;
  const wrong = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => Number(code) !== expectStatus);
  if (result.errors > 0 || wrong.length > 0) throw new Error(`${label}: ${String(result.errors)} errors, statuses ${JSON.stringify(result.statusCodeStats)}`);
  return { label, requests: result.requests.total, seconds, reqPerSec: result.requests.total / seconds, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max };
}

async function benchSend(db: Variant, amount: number, connections: number): Promise<Result> {
  const { issueFormToken } = await import('../src/clinic/send/form-token.js');
  const { child, info } = await startServer(db, 0);
  try {
    const base = new URLSearchParams(info.answers);
    base.set('consent', 'yes');
    base.set('phone', '07700 900982');
    base.set('best_time', 'morning');
    let n = 0;
    const body = () => {
      const form = new URLSearchParams(base);
      form.set('name', `Load Sender ${String(n++)}`);
      form.set('_token', issueFormToken(info.formSecret, 'send', new Date()).token);
      return form.toString();
    };
    const opts: autocannon.Options = {
      url: `http://127.0.0.1:${String(info.port)}`, connections, amount,
      requests: [{ method: 'POST', path: '/send', headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' }, setupRequest: (req) => ({ ...req, body: body() }) }],
    };
    await run('warm-up', { ...opts, amount: Math.max(connections, Math.floor(amount / 10)) }, 303);
    return await run(`send a result, ${db === 'sqlite-normal' ? 'sqlite (synchronous=NORMAL)' : db}, ${String(connections)} concurrent`, opts, 303);
  } finally {
    await stopServerProcess(child);
  }
}

async function benchInbox(db: Variant, seed: number, amount: number): Promise<Result[]> {
  const { child, info } = await startServer(db, seed);
  try {
    const headers = { cookie: info.cookie };
    const url = `http://127.0.0.1:${String(info.port)}`;
    await run('warm-up', { url: `${url}/clinic`, headers, connections: 1, amount: 20 }, 200);
    const results: Result[] = [];
    for (const [path, what] of [['/clinic', 'inbox page'], ['/clinic?status=all&q=person%2099', 'inbox search'], ['/clinic?status=all&level=urgent&page=20', 'inbox filter, page 20']] as const) {
      results.push(await run(`${what}, ${String(seed)} stored, ${db}, 1 connection`, { url: `${url}${path}`, headers, connections: 1, amount }, 200));
    }
    results.push(await run(`inbox page, ${String(seed)} stored, ${db}, 10 connections`, { url: `${url}/clinic`, headers, connections: 10, amount: amount * 2 }, 200));
    return results;
  } finally {
    await stopServerProcess(child);
  }
}

/** Runs the clinic benchmark and prints its table; `npm run bench` calls it. */
export async function benchClinic(): Promise<void> {
  const sends = Number(process.env.BENCH_CLINIC_SENDS ?? 3000);
  const inboxRequests = Number(process.env.BENCH_CLINIC_INBOX ?? 300);
  const seed = Number(process.env.BENCH_CLINIC_SEED ?? 10_000);
  const dbs: Variant[] = ['sqlite'];
  if (await postgresReachable()) dbs.push('postgres');
  else console.log(`bench: PostgreSQL at ${PG_URL} not reachable; clinic benchmarks run on SQLite only`);
  console.log(`\n== clinic: ${String(sends)} sends with 50 concurrent senders; inbox with ${String(seed)} stored submissions${hasTaskset ? '; server on CPU 0, load on CPU 1' : ''} ==`);
  const results: Result[] = [];
  for (const db of [...dbs, 'sqlite-normal' as const]) results.push(await benchSend(db, sends, 50));
  for (const db of dbs) results.push(...await benchInbox(db, seed, inboxRequests));
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${pad('what', 58)} ${pad('req/s', 8)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} max ms`);
  for (const r of results) console.log(`${pad(r.label, 58)} ${pad(r.reqPerSec.toFixed(0), 8)} ${pad(String(r.p50), 7)} ${pad(String(r.p99), 7)} ${String(r.max)}`);
  const inbox = results.filter((r) => r.label.startsWith('inbox page') && r.label.endsWith('1 connection'));
  for (const r of inbox) console.log(`${r.label}: p99 ${String(r.p99)} ms (target < 100 ms: ${r.p99 < 100 ? 'met' : 'NOT MET'})`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--serve');
  const variant = (['sqlite', 'sqlite-normal', 'postgres'] as const).find((v) => v === process.argv[i + 1]) ?? 'sqlite';
  if (i >= 0) await serve(variant, Number(process.argv[i + 2] ?? 0));
  else await benchClinic();
}
