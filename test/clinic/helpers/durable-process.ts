// The crash tests' side of test/clinic/helpers/durable-server.ts: a fresh store on either engine, the server started
// as a child process, and an urgent result sent through it as a browser does.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { dropPgSchema } from '../../../src/db/database.js';
import { openStore } from '../../../src/db/store.js';
import { answersToFields } from '../../../src/web/answer-fields.js';
import { completeAnswers } from './answers.js';
import { PG_URL, postgresSkip } from './backends.js';
import { content, hiddenFields } from './harness.js';

const URGENT = completeAnswers(content(), { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true });
const HEADERS = { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' };

/** Starts the durable server with these settings; resolves once it listens. */
export function startDurableServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/clinic/helpers/durable-server.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`server did not start: ${err}`)); }, 30_000);
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${String(code)}: ${err}`)); });
  });
}

/** The contact form's fields for an urgent result, reached as a browser does: the result's sealed address, then the form. */
export async function urgentFormFields(port: number): Promise<Record<string, string>> {
  const body = new URLSearchParams({ ...Object.fromEntries(answersToFields(URGENT.answers).map((f) => [f.name, f.value])), saved: content().version });
  const saved = await fetch(`http://127.0.0.1:${port}/check/saved`, { method: 'POST', headers: HEADERS, body, redirect: 'manual' });
  const token = /s=([A-Za-z0-9_-]+)/.exec(saved.headers.get('location') ?? '')?.[1] ?? '';
  const res = await fetch(`http://127.0.0.1:${port}/send/start?s=${token}`, { headers: { 'sec-fetch-site': 'same-origin' } });
  return hiddenFields(await res.text());
}

/** Sends one result; resolves with the reference once the server has acknowledged it (303), else undefined. */
export async function sendResult(port: number, fields: Record<string, string>, name: string): Promise<string | undefined> {
  const body = new URLSearchParams({ ...fields, consent: 'yes', name, phone: '07700 900982', email: '', best_time: 'any', message: '' });
  try {
    const res = await fetch(`http://127.0.0.1:${port}/send`, { method: 'POST', headers: HEADERS, body, redirect: 'manual' });
    if (res.status !== 303) return undefined;
    return /r=(CRK-[A-Z0-9-]+)/.exec(res.headers.get('location') ?? '')?.[1];
  } catch {
    return undefined; // killed before it answered: not acknowledged, so no promise was made
  }
}

type Open = () => ReturnType<typeof openStore>;

/** Runs `body` with the durable server's settings for a fresh SQLite file, and a way to open that store. */
export async function onSqlite(prefix: string, body: (env: NodeJS.ProcessEnv, open: Open) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    await body({ DATA_DIR: dir, DATABASE_URL: '' }, () => openStore({ dataDir: dir }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same for a fresh PostgreSQL schema (dropped after); skips the test, with the reason, when PostgreSQL is absent. */
export async function onPostgres(t: TestContext, prefix: string, body: (env: NodeJS.ProcessEnv, open: Open) => Promise<void>): Promise<void> {
  const skip = await postgresSkip();
  if (skip !== false) {
    t.skip(skip);
    return;
  }
  const schema = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  try {
    await body({ DATA_DIR: tmpdir(), DATABASE_URL: PG_URL, CREAK_TEST_PG_SCHEMA: schema }, () => openStore({ dataDir: '.', databaseUrl: PG_URL, pgSchema: schema }));
  } finally {
    await dropPgSchema(PG_URL, schema);
  }
}
