// Emails to the clinic, against a local SMTP server started here: one per urgent/soon result, and a daily summary once a day.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { completeAnswers } from './helpers/answers.js';
import { testClock } from './helpers/clock.js';
import { Client, content, startHarness, type Harness } from './helpers/harness.js';
import { sendResult } from './helpers/send-helper.js';

interface Mail {
  to: string[];
  body: string;
}

/** The message as text: quoted-printable soft breaks joined and =XX escapes decoded (the bodies are ASCII). */
function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const c = content();
const URGENT = completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true });
const SOON = completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', injury_recent: true, joint_gives_way: true });
const SELF = completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_only' });

describe('emails to the clinic', () => {
  const clock = testClock('2026-03-02T10:00:00.000Z');
  const inbox: Mail[] = [];
  let failNext = false;
  let server: SMTPServer;
  let h: Harness;

  before(async () => {
    server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (d: Buffer) => chunks.push(d));
        stream.on('end', () => {
          if (failNext) {
            failNext = false;
            callback(new Error('mailbox unavailable'));
            return;
          }
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), body: decodeQuotedPrintable(Buffer.concat(chunks).toString('utf8')) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    h = await startHarness({ now: clock.now, env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), CLINIC_NOTIFY_EMAIL: 'inbox@clinic.example', MAIL_FROM: 'Creak <creak@clinic.example>' } });
  });
  after(async () => {
    await h.close();
    await new Promise<void>((resolve) => { server.close(() => { resolve(); }); });
  });

  it('emails the clinic about an urgent result with its reference and no personal details', async () => {
    const reference = await sendResult(new Client(h.app), URGENT.answers, { name: 'Private Person', phone: '07700 900111', message: 'secret knee' });
    await h.clinic.ctx.notifier.sweep();
    assert.equal(inbox.length, 1);
    const mail = inbox[0];
    assert.ok(mail);
    assert.deepEqual(mail.to, ['inbox@clinic.example']);
    assert.ok(mail.body.includes(reference));
    assert.match(mail.body, /Urgent result sent to the clinic/);
    assert.ok(mail.body.includes(`http://localhost:3000/clinic/submissions/${reference}`));
    for (const secret of ['Private Person', '07700 900111', 'secret knee']) assert.ok(!mail.body.includes(secret), secret);
  });

  it('emails about soon results too, not about self-care, and retries after a failed send', async () => {
    inbox.length = 0;
    await sendResult(new Client(h.app), SELF.answers, { name: 'Self Care' });
    failNext = true;
    const soon = await sendResult(new Client(h.app), SOON.answers, { name: 'Soon Person' });
    await h.clinic.ctx.notifier.sweep();
    assert.equal(inbox.length, 0, 'the first attempt failed');
    await h.clinic.ctx.notifier.sweep();
    assert.equal(inbox.length, 0, 'a retry waits for its back-off');
    clock.advance(61_000);
    await h.clinic.ctx.notifier.sweep();
    assert.equal(inbox.length, 1);
    assert.ok(inbox[0]?.body.includes(soon));
    await h.clinic.ctx.notifier.sweep();
    assert.equal(inbox.length, 1, 'sent once only');
  });

  it('sends the daily summary once a day at the configured time', async () => {
    inbox.length = 0;
    clock.set('2026-03-03T06:00:00.000Z');
    await h.clinic.scheduler.tick();
    assert.equal(inbox.length, 0, 'not before 07:30');
    clock.set('2026-03-03T07:45:00.000Z');
    await h.clinic.scheduler.tick();
    await h.clinic.scheduler.tick();
    assert.equal(inbox.length, 1);
    assert.match(inbox[0]?.body ?? '', /Daily summary/);
    assert.match(inbox[0]?.body ?? '', /Overdue: \d+/);
    assert.ok(!(inbox[0]?.body ?? '').includes('Private Person'));
  });
});

describe('an SMTP server that never answers', () => {
  const clock = testClock('2026-03-02T10:00:00.000Z');
  let hang = true;
  const delivered: string[] = [];
  let server: SMTPServer;
  let h: Harness;

  before(async () => {
    server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        const hanging = hang;
        stream.on('data', (d: Buffer) => chunks.push(d));
        stream.on('end', () => {
          if (hanging) return;
          delivered.push(decodeQuotedPrintable(Buffer.concat(chunks).toString('utf8')));
          callback();
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    h = await startHarness({
      now: clock.now, env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), CLINIC_NOTIFY_EMAIL: 'inbox@clinic.example' },
      settings: { mail: { leaseMs: 60_000, sendTimeoutMs: 300, retryBaseMs: 60_000, retryMaxMs: 600_000 } },
    });
  });
  after(async () => {
    await h.close();
    await new Promise<void>((resolve) => { server.close(() => { resolve(); }); });
  });

  it('gives up on a send after the timeout, keeps the alert, and delivers it on a later try', async () => {
    const reference = await sendResult(new Client(h.app), URGENT.answers, { name: 'Hung Person' });
    assert.equal(await h.clinic.ctx.notifier.sweep(), 0, 'the hung send timed out');
    const row = await h.clinic.ctx.store.kysely.selectFrom('submission').select(['notified_at', 'notify_attempts']).where('reference', '=', reference).executeTakeFirst();
    assert.deepEqual(row, { notified_at: null, notify_attempts: 1 }, 'not marked as sent; one failed attempt counted');
    hang = false;
    clock.advance(30_000);
    assert.equal(await h.clinic.ctx.notifier.sweep(), 0, 'still waiting for its back-off');
    clock.advance(31_000);
    assert.equal(await h.clinic.ctx.notifier.sweep(), 1);
    assert.ok(delivered.some((m) => m.includes(reference)));
  });
});
