// An urgent email alert survives a crash mid-send (at-least-once delivery): the server is killed with SIGKILL while
// the SMTP server holds the message unanswered, and after a restart the alert is delivered. SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { openStore } from '../../src/db/store.js';
import { onPostgres, onSqlite, sendResult, startDurableServer, urgentFormFields } from './helpers/durable-process.js';

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

async function sendUrgent(port: number): Promise<string> {
  const reference = await sendResult(port, await urgentFormFields(port), 'Crash Person');
  assert.ok(reference, 'the send was acknowledged');
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
  const first = await startDurableServer(mailEnv);
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
    const restarted = await startDurableServer(mailEnv);
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

  it('is delivered after a restart on SQLite', () => onSqlite('creak-mailcrash-', (env, open) => crashMidSend(smtp, smtpPort, env, open)));

  it('is delivered after a restart on PostgreSQL', (t) => onPostgres(t, 'mailcrash', (env, open) => crashMidSend(smtp, smtpPort, env, open)));
});
