// The clinic side's own settings, read from the environment: mail, due times, retention, sessions, limits.
import { z } from 'zod';
import { ConfigError, positiveNumber, settingProblems, wholeNumber as int } from '../config.js';
import { LEVELS, type Level } from '../engine/types.js';
import type { LoginThrottlePolicy } from './auth/login-throttle.js';
import { NATIONS, nationBankHolidays, parseBankHolidays } from './bank-holidays.js';
import { DEFAULT_DUE_RULES, parseOpeningTimes, type DuePolicy, type DueRule } from './due-time.js';

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
}

export interface MailDelivery {
  /** A claimed email is held this long; if its sender dies first, another sweep sends it. Longer than sendTimeoutMs. */
  leaseMs: number;
  sendTimeoutMs: number;
  /** The first wait after a failed send; it doubles with each failure up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
}

export const DEFAULT_MAIL_DELIVERY: MailDelivery = { leaseMs: 5 * 60_000, sendTimeoutMs: 60_000, retryBaseMs: 60_000, retryMaxMs: 30 * 60_000 };

export interface ClinicSettings {
  due: DuePolicy;
  /** Submissions older than this are purged; 0 turns the purge off. */
  retentionDays: number;
  smtp: SmtpSettings | undefined;
  mailFrom: string;
  /** The email outbox: how long a claimed email is held, how long one send may take, the back-off between tries. */
  mail: MailDelivery;
  /** Where urgent/soon alerts and the daily summary go; none means no mail. */
  notifyTo: string | undefined;
  /** Local time (HH:MM, clinic time zone) of the daily summary. */
  summaryAt: string;
  /** Secret for the anonymous form's signed token; generated and kept in the database when absent. */
  formSecret: string | undefined;
  /** How long a form token stays valid. */
  formTokenTtlMs: number;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** Sign-in throttling: free tries, then waits that grow (per account, client address and known device). */
  loginThrottle: LoginThrottlePolicy;
  /** Sends allowed per client address per window, on each instance. */
  sendLimit: { max: number; windowMs: number };
  loginLimit: { max: number; windowMs: number };
  /** argon2id cost; tests lower it. */
  argon2: { memoryCost: number; timeCost: number; parallelism: number };
  /** SQLite commit durability (see OpenDatabaseOptions.sqliteSynchronous). */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /** Print the one-time setup link at start when there is no admin yet. */
  printSetupLink: boolean;
}

const envSchema = z.object({
  CLINIC_TIME_ZONE: z.string().default('Europe/London'),
  OPENING_TIMES: z.string().default('mon-fri 08:00-18:00'),
  BANK_HOLIDAY_NATION: z.enum(NATIONS).default('england-and-wales'),
  BANK_HOLIDAYS: z.string().optional(),
  DUE_EMERGENCY_HOURS: positiveNumber(72, 1),
  DUE_URGENT_HOURS: positiveNumber(72, 4),
  DUE_SOON_WORKING_DAYS: int(0, 60, 2),
  DUE_ROUTINE_WORKING_DAYS: int(0, 60, 5),
  DUE_SELF_CARE_WORKING_DAYS: int(0, 120, 10),
  RETENTION_DAYS: int(0, 36500, 365),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: int(1, 65535, 587),
  SMTP_SECURE: z.enum(['true', 'false']).default('false'),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('Creak <no-reply@localhost>'),
  CLINIC_NOTIFY_EMAIL: z.email().optional(),
  SUMMARY_AT: z.string().regex(/^\d{2}:\d{2}$/, 'must be HH:MM').default('07:30'),
  FORM_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  FORM_TOKEN_MINUTES: int(5, 24 * 60, 120),
  SESSION_IDLE_MINUTES: int(1, 24 * 60, 30),
  SESSION_MAX_HOURS: int(1, 24 * 7, 12),
  LOGIN_MAX_FAILURES: int(1, 100, 5),
  LOGIN_MAX_DELAY_MINUTES: int(1, 24 * 60, 15),
  SEND_RATE_MAX: int(1, 10_000, 10),
  SEND_RATE_WINDOW_MINUTES: int(1, 24 * 60, 10),
  PRINT_SETUP_LINK: z.enum(['true', 'false']).default('true'),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
});

/**
 * The sign-in throttle: `free` wrong tries per account (from devices it has not signed in on) and per known device,
 * four times as many per client address; then waits of 30 seconds that double with each try, up to `maxDelayMs`.
 * Counts are forgotten after a day without failures.
 */
export function loginThrottlePolicy(free: number, maxDelayMs: number): LoginThrottlePolicy {
  const rule = { free, baseDelayMs: 30_000, maxDelayMs, forgetAfterMs: 86_400_000 };
  return { account: rule, device: rule, address: { ...rule, free: Math.max(20, 4 * free) } };
}

/** Reads the settings; throws a ConfigError listing every problem, so the server refuses to start on a typo. */
export function loadClinicSettings(env: NodeJS.ProcessEnv = process.env, clinicEmail?: string): ClinicSettings {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(defined);
  if (!parsed.success) {
    throw new ConfigError(settingProblems(parsed.error));
  }
  const e = parsed.data;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: e.CLINIC_TIME_ZONE });
  } catch {
    throw new ConfigError([`CLINIC_TIME_ZONE: unknown time zone "${e.CLINIC_TIME_ZONE}"`]);
  }
  let bankHolidays;
  try {
    bankHolidays = e.BANK_HOLIDAYS === undefined ? nationBankHolidays(e.BANK_HOLIDAY_NATION) : parseBankHolidays(e.BANK_HOLIDAYS);
  } catch (error) {
    throw new ConfigError([`BANK_HOLIDAYS: ${error instanceof Error ? error.message : 'cannot read'}`]);
  }
  const byLevel: Record<Level, DueRule> = { ...DEFAULT_DUE_RULES };
  byLevel.emergency = { hours: e.DUE_EMERGENCY_HOURS, counting: 'clock' };
  byLevel.urgent = { hours: e.DUE_URGENT_HOURS, counting: 'opening' };
  byLevel.soon = { workingDays: e.DUE_SOON_WORKING_DAYS };
  byLevel.routine = { workingDays: e.DUE_ROUTINE_WORKING_DAYS };
  byLevel.self_care = { workingDays: e.DUE_SELF_CARE_WORKING_DAYS };
  if (LEVELS.some((l) => !(l in byLevel))) throw new Error('due rules incomplete');
  let opening;
  try {
    opening = parseOpeningTimes(e.OPENING_TIMES);
  } catch (error) {
    throw new ConfigError([`OPENING_TIMES: ${error instanceof Error ? error.message : 'cannot read'}`]);
  }
  return {
    due: { timeZone: e.CLINIC_TIME_ZONE, opening, bankHolidays, byLevel },
    retentionDays: e.RETENTION_DAYS,
    smtp: e.SMTP_HOST === undefined ? undefined : {
      host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE === 'true',
      ...(e.SMTP_USER === undefined ? {} : { user: e.SMTP_USER }),
      ...(e.SMTP_PASS === undefined ? {} : { pass: e.SMTP_PASS }),
    },
    mailFrom: e.MAIL_FROM,
    mail: DEFAULT_MAIL_DELIVERY,
    notifyTo: e.CLINIC_NOTIFY_EMAIL ?? clinicEmail,
    summaryAt: e.SUMMARY_AT,
    formSecret: e.FORM_SECRET,
    formTokenTtlMs: e.FORM_TOKEN_MINUTES * 60_000,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_MAX_HOURS * 3600_000,
    loginThrottle: loginThrottlePolicy(e.LOGIN_MAX_FAILURES, e.LOGIN_MAX_DELAY_MINUTES * 60_000),
    sendLimit: { max: e.SEND_RATE_MAX, windowMs: e.SEND_RATE_WINDOW_MINUTES * 60_000 },
    loginLimit: { max: 20, windowMs: 60_000 },
    argon2: { memoryCost: 19_456, timeCost: 2, parallelism: 1 },
    printSetupLink: e.PRINT_SETUP_LINK === 'true',
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
  };
}
