// An urgent email alert survives a crash mid-send (at-least-once delivery): the server is killed with SIGKILL while
// the SMTP server holds the message unanswered, and after a restart the alert is delivered. SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { dropPgSchema } from '../../src/db/database.js';
import { openStore } from '../../src/db/store.js';
import { answersToFields } from '../../src/web/answer-fields.js';
import { completeAnswers } from './helpers/answers.js';
import { PG_URL, postgresSkip } from './helpers/backends.js';
import { content, hiddenFields } from './helpers/harness.js';

const URGENT = completeAnswers(content(), { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true });
const HEADERS = { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' };

/** A fake SMTP server: while `hang` is set it reads a message and never answers; otherwise it accepts and keeps it. */
class FakeSmtp {
  hang = true;
  readonly delivered: string[] = [];
  private onReceiving: (() => void) | undefined;
  readonly server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData: (stream, _session, callback) => {
      const chunks: Buffer[] = [];
      const hang = this.hang;
      if (hang) this.onReceiving?.();
      stream.on('data', (d: Buffer) => chunks.push(d));
      stream.on('end', () => {
        if (hang) return; // never answers: the sender waits for "250 OK"
        this.delivered.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });

  async start(): Promise<number> {
    // The killed sender's connection is reset mid-message; that is the point of the test, not an error.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.server.address() as AddressInfo).port;
  }

  /** Resolves when the next message starts arriving while hanging. */
  receiving(): Promise<void> {
    return new Promise((resolve) => { this.onReceiving = resolve; });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => { this.server.close(() => { resolve(); }); });
  }
}

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

async function sendUrgent(port: number): Promise<string> {
  const answers = new URLSearchParams({ ...Object.fromEntries(answersToFields(URGENT.answers).map((f) => [f.name, f.value])), saved: content().version });
  // The result page's own address (as a saved link opens it), then its "send to the clinic" link.
  const saved = await fetch(`http://127.0.0.1:${port}/check/saved`, { method: 'POST', headers: HEADERS, body: answers, redirect: 'manual' });
  const token = /\?s=([A-Za-z0-9_-]+)$/.exec(saved.headers.get('location') ?? '')?.[1] ?? '';
  const start = await fetch(`http://127.0.0.1:${port}/send/start?s=${token}`, { headers: HEADERS });
  const body = new URLSearchParams({ ...hiddenFields(await start.text()), consent: 'yes', name: 'Crash Person', phone: '07700 900982', email: '', best_time: 'any', message: '' });
  const res = await fetch(`http://127.0.0.1:${port}/send`, { method: 'POST', headers: HEADERS, body, redirect: 'manual' });
  assert.equal(res.status, 303);
  const reference = /r=(CRK-[A-Z0-9-]+)/.exec(res.headers.get('location') ?? '')?.[1];
  assert.ok(reference);
  return reference;
}

async function waitFor(what: string, ok: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > until) assert.fail(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function crashMidSend(smtp: FakeSmtp, smtpPort: number, env: NodeJS.ProcessEnv, open: () => ReturnType<typeof openStore>): Promise<void> {
  smtp.hang = true;
  smtp.delivered.length = 0;
  const mailEnv = {
    ...env, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), CLINIC_NOTIFY_EMAIL: 'inbox@clinic.example',
    CREAK_TEST_MAIL_LEASE_MS: '1500', CREAK_TEST_SCHEDULE_MS: '200',
  };
  const first = await startServer(mailEnv);
  const firstExit = new Promise((resolve) => first.child.on('exit', resolve));
  let second: ChildProcess | undefined;
  try {
    const receiving = smtp.receiving();
    const reference = await sendUrgent(first.port);
    await receiving;
    first.child.kill('SIGKILL');
    await firstExit;
    assert.equal(smtp.delivered.length, 0, 'nothing was delivered before the crash');
    smtp.hang = false;
    const restarted = await startServer(mailEnv);
    second = restarted.child;
    await waitFor('the alert after the restart', () => smtp.delivered.some((m) => m.includes(reference)), 30_000);
    const store = await open();
    try {
      await waitFor('notified_at recorded', async () => {
        const row = await store.kysely.selectFrom('submission').select('notified_at').where('reference', '=', reference).executeTakeFirst();
        return row?.notified_at != null;
      }, 10_000);
    } finally {
      await store.close();
    }
  } finally {
    if (first.child.exitCode === null && !first.child.killed) first.child.kill('SIGKILL');
    second?.kill('SIGKILL');
  }
}

describe('an urgent email alert and kill -9 mid-send', { timeout: 180_000 }, () => {
  const smtp = new FakeSmtp();
  let smtpPort = 0;
  before(async () => { smtpPort = await smtp.start(); });
  after(async () => smtp.stop());

  it('is delivered after a restart on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'creak-mailcrash-'));
    try {
      await crashMidSend(smtp, smtpPort, { DATA_DIR: dir, DATABASE_URL: '' }, () => openStore({ dataDir: dir }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is delivered after a restart on PostgreSQL', async (t) => {
    const skip = await postgresSkip();
    if (skip !== false) {
      t.skip(skip);
      return;
    }
    const schema = `mailcrash_${process.pid}_${Date.now().toString(36)}`;
    try {
      await crashMidSend(smtp, smtpPort, { DATA_DIR: tmpdir(), DATABASE_URL: PG_URL, CREAK_TEST_PG_SCHEMA: schema },
        () => openStore({ dataDir: '.', databaseUrl: PG_URL, pgSchema: schema }));
    } finally {
      await dropPgSchema(PG_URL, schema);
    }
  });
});
