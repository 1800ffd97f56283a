// An acknowledged submission survives a crash: the server process is killed with SIGKILL right after it answered,
// and every acknowledged reference is then found in the database (SQLite file in WAL mode, and PostgreSQL).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { staffContext } from '../../src/db/context.js';
import { dropPgSchema } from '../../src/db/database.js';
import { openStore } from '../../src/db/store.js';
import { answersToFields } from '../../src/web/answer-fields.js';
import { completeAnswers } from './helpers/answers.js';
import { PG_URL, postgresSkip } from './helpers/backends.js';
import { content, hiddenFields } from './helpers/harness.js';

const URGENT = completeAnswers(content(), { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true });
const HEADERS = { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' };

function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
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

/** The contact form's fields, reached as a browser does: the result's sealed address, then the form. */
async function formFields(port: number): Promise<Record<string, string>> {
  const body = new URLSearchParams({ ...Object.fromEntries(answersToFields(URGENT.answers).map((f) => [f.name, f.value])), saved: content().version });
  const saved = await fetch(`http://127.0.0.1:${port}/check/saved`, { method: 'POST', headers: HEADERS, body, redirect: 'manual' });
  const token = /s=([A-Za-z0-9_-]+)/.exec(saved.headers.get('location') ?? '')?.[1] ?? '';
  const res = await fetch(`http://127.0.0.1:${port}/send/start?s=${token}`, { headers: { 'sec-fetch-site': 'same-origin' } });
  return hiddenFields(await res.text());
}

/** Sends one result; resolves with the reference once the server has acknowledged it (303). */
async function send(port: number, fields: Record<string, string>, name: string): Promise<string | undefined> {
  const body = new URLSearchParams({ ...fields, consent: 'yes', name, phone: '07700 900982', email: '', best_time: 'any', message: '' });
  try {
    const res = await fetch(`http://127.0.0.1:${port}/send`, { method: 'POST', headers: HEADERS, body, redirect: 'manual' });
    if (res.status !== 303) return undefined;
    return /r=(CRK-[A-Z0-9-]+)/.exec(res.headers.get('location') ?? '')?.[1];
  } catch {
    return undefined; // killed before it answered: not acknowledged, so no promise was made
  }
}

async function crashTest(env: NodeJS.ProcessEnv, open: () => ReturnType<typeof openStore>): Promise<void> {
  const { child, port } = await startServer(env);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    // One submission, killed the instant the acknowledgement arrives.
    const first = await send(port, await formFields(port), 'First Person');
    const acknowledged: string[] = first === undefined ? [] : [first];
    // Then many at once, killed after some are acknowledged while others are still in flight.
    const fields = await Promise.all(Array.from({ length: 30 }, () => formFields(port)));
    await new Promise<void>((resolve) => {
      let done = 0;
      fields.forEach((f, i) => {
        void send(port, f, `Person ${i}`).then((ref) => {
          if (ref !== undefined) acknowledged.push(ref);
          if (acknowledged.length === 11) child.kill('SIGKILL');
          if (++done === fields.length) resolve();
        });
      });
    });
    if (!child.killed) child.kill('SIGKILL');
    await exited;
    assert.ok(acknowledged.length >= 11, `acknowledged ${acknowledged.length}`);
    const store = await open();
    try {
      for (const ref of acknowledged) {
        const s = await store.submissions.get(staffContext('test', 'admin'), ref);
        assert.ok(s, `acknowledged ${ref} survived the crash`);
        assert.equal(s.level, 'urgent');
      }
    } finally {
      await store.close();
    }
  } finally {
    if (child.exitCode === null && !child.killed) child.kill('SIGKILL');
  }
}

describe('durability after kill -9', { timeout: 120_000 }, () => {
  it('keeps every acknowledged submission on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'creak-crash-'));
    try {
      await crashTest({ DATA_DIR: dir, DATABASE_URL: '' }, () => openStore({ dataDir: dir }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps every acknowledged submission on PostgreSQL', async (t) => {
    const skip = await postgresSkip();
    if (skip !== false) {
      t.skip(skip);
      return;
    }
    const schema = `crash_${process.pid}_${Date.now().toString(36)}`;
    try {
      await crashTest({ DATA_DIR: tmpdir(), DATABASE_URL: PG_URL, CREAK_TEST_PG_SCHEMA: schema },
        () => openStore({ dataDir: '.', databaseUrl: PG_URL, pgSchema: schema }));
    } finally {
      await dropPgSchema(PG_URL, schema);
    }
  });
});
