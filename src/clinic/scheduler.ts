// Background jobs while the server runs: email the outbox, the daily summary, the retention purge, expired sessions.
// Every job is safe when several instances run it: claims and idempotent deletes decide who does what.
import { systemContext, type RequestContext } from '../db/context.js';
import type { Store } from '../db/store.js';
import type { Notifier } from './mail/notifier.js';
import type { ClinicSettings } from './settings.js';
import { localParts } from './zoned-time.js';

export interface Scheduler {
  /** Runs every due job once now (tests and the CLI use this). */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * Deletes submissions older than the retention period (returns how many), as `ctx` (the scheduled job, or the admin
 * who asked), and sign-in throttle counters with no failure for a day.
 */
export async function purgeExpired(store: Store, settings: ClinicSettings, now: Date, ctx: RequestContext = systemContext('retention')): Promise<number> {
  await store.loginThrottle.purgeStale(new Date(now.getTime() - settings.loginThrottle.account.forgetAfterMs));
  if (settings.retentionDays <= 0) return 0;
  return store.retention.purgeOlderThan(ctx, new Date(now.getTime() - settings.retentionDays * 86_400_000));
}

export function startScheduler(o: { store: Store; notifier: Notifier; settings: ClinicSettings; now: () => Date; log: (m: string) => void; intervalMs?: number; run: boolean }): Scheduler {
  let lastPurgeHour = '';
  const tick = async (): Promise<void> => {
    const now = o.now();
    const jobs: [string, () => Promise<unknown>][] = [
      ['email', () => o.notifier.sweep()],
      ['summary', async () => {
        const p = localParts(now, o.settings.due.timeZone);
        const hhmm = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
        if (hhmm >= o.settings.summaryAt) await o.notifier.dailySummary();
      }],
      ['retention', async () => {
        const hour = now.toISOString().slice(0, 13);
        if (hour === lastPurgeHour) return;
        lastPurgeHour = hour;
        const n = await purgeExpired(o.store, o.settings, now);
        if (n > 0) o.log(`retention: deleted ${n} submission(s) older than ${o.settings.retentionDays} days`);
      }],
      ['sessions', () => o.store.sessions.deleteExpired()],
    ];
    for (const [name, job] of jobs) {
      try {
        await job();
      } catch (error) {
        o.log(`background job ${name} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      }
    }
  };
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  const run = () => { current ??= tick().finally(() => { current = undefined; }); };
  if (o.run) {
    timer = setInterval(run, o.intervalMs ?? 60_000);
    timer.unref();
    // Once at start too, so what waited while no instance ran (an email after a crash) goes out without a minute's delay.
    setImmediate(run);
  }
  return { tick, stop: () => { if (timer !== undefined) clearInterval(timer); } };
}
