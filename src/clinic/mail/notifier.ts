// Tells the clinic by email: one message per urgent, soon or emergency result (from the outbox, at least once: a
// claimed alert counts as sent only when the mail server accepts it, and failed sends are retried with back-off),
// and a daily summary.
// Emails carry reference codes and levels only: contact details stay behind the staff login.
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { Store } from '../../db/store.js';
import { levelRank, type Level } from '../../engine/types.js';
import { formatTime } from '../format-time.js';
import { LEVEL_SHORT } from '../levels.js';
import type { MailDelivery, SmtpSettings } from '../settings.js';
import { isoDay, localParts } from '../zoned-time.js';

export interface NotifierOptions {
  store: Store;
  smtp: SmtpSettings | undefined;
  from: string;
  to: string | undefined;
  delivery: MailDelivery;
  baseUrl: string;
  clinicName: string;
  timeZone: string;
  now: () => Date;
  log: (message: string) => void;
}

/** Levels the clinic is emailed about at once (issue 5: "each urgent or soon submission"; emergency is above urgent). */
export function needsEmail(level: Level): boolean {
  return levelRank(level) >= levelRank('soon');
}

export class Notifier {
  private readonly transport: Transporter | undefined;
  private running: Promise<number> | undefined;

  constructor(private readonly o: NotifierOptions) {
    this.transport = o.smtp === undefined ? undefined : nodemailer.createTransport({
      host: o.smtp.host, port: o.smtp.port, secure: o.smtp.secure,
      ...(o.smtp.user === undefined ? {} : { auth: { user: o.smtp.user, pass: o.smtp.pass ?? '' } }),
      connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000,
    });
  }

  /** True when the clinic's own emails (alerts, summary) can be sent: a mail server and a clinic address. */
  get enabled(): boolean {
    return this.transport !== undefined && this.o.to !== undefined;
  }

  /** Sends what is waiting in the outbox; concurrent calls share one run. Returns how many were sent. */
  sweep(): Promise<number> {
    if (!this.enabled) return Promise.resolve(0);
    this.running ??= this.sendPending().finally(() => { this.running = undefined; });
    return this.running;
  }

  private async sendPending(): Promise<number> {
    const { delivery, store } = this.o;
    const claimed = await store.notifications.claimPending(20, delivery.leaseMs);
    let sent = 0;
    for (const [i, notice] of claimed.entries()) {
      const level = LEVEL_SHORT[notice.level];
      const link = `${this.o.baseUrl}/clinic/submissions/${notice.reference}`;
      try {
        await this.send(`${level} result sent to the clinic: ${notice.reference}`, [
          `A result marked ${level.toUpperCase()} was sent to ${this.o.clinicName} at ${formatTime(notice.createdAt, this.o.timeZone)}.`,
          '',
          `Reference: ${notice.reference}`,
          `Due by: ${formatTime(notice.dueAt, this.o.timeZone)}`,
          '',
          `Open it (sign in needed): ${link}`,
          '',
          'For privacy this email holds no personal details.',
        ]);
      } catch (error) {
        const wait = Math.min(delivery.retryMaxMs, delivery.retryBaseMs * 2 ** notice.attempts);
        this.o.log(`email for ${notice.reference} failed (attempt ${String(notice.attempts + 1)}), will retry in ${String(Math.round(wait / 1000))} s: ${error instanceof Error ? error.message : 'unknown error'}`);
        await store.notifications.retryAfter(notice.id, wait);
        // The mail server is probably down: give the rest back for the next sweep rather than wait on each in turn.
        for (const rest of claimed.slice(i + 1)) await store.notifications.release(rest.id);
        break;
      }
      // Only now is it done; dying before this line means the lease lapses and the alert is sent again (at least once).
      await store.notifications.markSent(notice.id);
      sent++;
    }
    return sent;
  }

  /** Sends the daily summary once per local day across all instances; false when already sent (or mail is off). */
  async dailySummary(): Promise<boolean> {
    if (!this.enabled) return false;
    const now = this.o.now();
    const day = isoDay(localParts(now, this.o.timeZone));
    if (!(await this.o.store.claimJobRun('daily-summary', day))) return false;
    const counts = await this.o.store.notifications.summary(new Date(now.getTime() - 24 * 3600_000));
    const levels: Level[] = ['emergency', 'urgent', 'soon', 'routine', 'self_care'];
    const total = levels.reduce((n, l) => n + (counts.newByLevel[l] ?? 0), 0);
    const lines = [
      `Daily summary for ${this.o.clinicName}, ${day}.`,
      '',
      `Results sent in the last 24 hours: ${total}`,
      ...levels.map((l) => `  ${LEVEL_SHORT[l]}: ${counts.newByLevel[l] ?? 0}`),
      '',
      `Open (not closed): ${counts.open}`,
      `Overdue: ${counts.overdue.length}`,
      ...counts.overdue.map((o) => `  ${o.reference} (${LEVEL_SHORT[o.level]}), due ${formatTime(o.dueAt, this.o.timeZone)}`),
      '',
      `Inbox: ${this.o.baseUrl}/clinic`,
    ];
    try {
      await this.send(`Daily summary: ${total} new, ${counts.overdue.length} overdue`, lines);
      return true;
    } catch (error) {
      this.o.log(`daily summary email failed, will retry: ${error instanceof Error ? error.message : 'unknown error'}`);
      await this.o.store.releaseJobRun('daily-summary', day);
      return false;
    }
  }

  /**
   * Tells a staff member that someone keeps trying wrong passwords on their account (no addresses or times of the
   * tries, which would help no one). At most once a day per account across all instances; false when not sent.
   */
  async accountUnderAttack(user: { id: string; email: string }, failures: number): Promise<boolean> {
    if (this.transport === undefined) return false;
    const day = isoDay(localParts(this.o.now(), this.o.timeZone));
    if (!(await this.o.store.claimJobRun('login-alert', `${user.id}:${day}`))) return false;
    try {
      await this.send('Wrong passwords tried on your account', [
        `Someone has tried to sign in to your ${this.o.clinicName} inbox account with a wrong password ${String(failures)} times.`,
        '',
        'If it was you: wait a few minutes and try again, or ask an admin for a new password link.',
        'If it was not you: your account is still safe. Sign-ins from devices you have used before are not slowed down.',
        'Tell an admin, and think about turning on two-step sign-in on your account page.',
        '',
        `Sign in: ${this.o.baseUrl}/clinic/login`,
      ], user.email);
      return true;
    } catch (error) {
      this.o.log(`account alert email failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      await this.o.store.releaseJobRun('login-alert', `${user.id}:${day}`);
      return false;
    }
  }

  private async send(subject: string, lines: readonly string[], to = this.o.to): Promise<void> {
    if (this.transport === undefined || to === undefined) return;
    const mail = this.transport.sendMail({ from: this.o.from, to, subject: `[${this.o.clinicName}] ${subject}`, text: `${lines.join('\n')}\n` });
    // A server that trickles or stalls must not hold the sweep past the claim's lease.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => { reject(new Error(`no answer from the mail server in ${String(this.o.delivery.sendTimeoutMs / 1000)} s`)); }, this.o.delivery.sendTimeoutMs);
    });
    try {
      await Promise.race([mail, timeout]);
    } finally {
      clearTimeout(timer);
      mail.catch(() => undefined);
    }
  }

  close(): void {
    this.transport?.close();
  }
}
