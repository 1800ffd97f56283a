// Sends the webhook outbox: claims due notifications, POSTs each signed, records the attempt, and backs off on failure
// until it gives up. Safe on several instances (claims), and after a restart (the outbox is in the database).
import type { Store } from '../../db/store.js';
import { notificationBody, signedHeaders } from './webhook-message.js';

/** Waits after the 1st, 2nd, … failed attempt; after the last, the notification is given up (about four days in all). */
export const RETRY_DELAYS_MS: readonly number[] = [
  30_000, 120_000, 600_000, 1_800_000, 3_600_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, 24 * 3_600_000, 24 * 3_600_000, 24 * 3_600_000,
];
const TIMEOUT_MS = 10_000;
/** Longer than an attempt can take, so a claim outlives its attempt; a crashed sender's claims lapse after it. */
const LEASE_MS = 60_000;
const BATCH = 20;
/** Finished notifications stay in the log this long. */
const LOG_DAYS = 90;

export interface WebhookDispatcher {
  /** Sends every notification due now, once (tests and the timer use this). */
  tick(): Promise<void>;
  /** Stops the timer and waits for an attempt under way. */
  stop(): Promise<void>;
}

export interface DispatcherOptions {
  store: Store;
  baseUrl: string;
  now: () => Date;
  log: (message: string) => void;
  run: boolean;
  intervalMs?: number;
  fetch?: typeof fetch;
}

/** A short, fixed description of a failed attempt: never the receiver's body. */
function failureCode(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timeout';
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? `network:${cause.code}` : 'network';
}

export function startWebhookDispatcher(o: DispatcherOptions): WebhookDispatcher {
  const send = o.fetch ?? fetch;
  let lastPurgeHour = '';

  const attempt = async (d: Awaited<ReturnType<Store['webhooks']['claimDue']>>[number]): Promise<void> => {
    const at = o.now();
    const body = notificationBody(d, o.baseUrl);
    let status: number | null = null;
    let error: string;
    try {
      const res = await send(d.url, { method: 'POST', body, headers: signedHeaders(d.secret, d.id, at, body), redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
      await res.body?.cancel();
      status = res.status;
      if (res.status >= 200 && res.status < 300) {
        await o.store.webhooks.recordAttempt(d.id, { delivered: true, httpStatus: res.status });
        return;
      }
      error = `http_${res.status}`;
    } catch (e) {
      error = failureCode(e);
    }
    const delay = RETRY_DELAYS_MS[d.attempts];
    const next = delay === undefined ? null : new Date(o.now().getTime() + delay).toISOString();
    await o.store.webhooks.recordAttempt(d.id, { delivered: false, httpStatus: status, error, nextAttemptAt: next });
    if (next === null) o.log(`webhook ${d.id} given up after ${d.attempts + 1} attempts (${error})`);
  };

  const tick = async (): Promise<void> => {
    const hour = o.now().toISOString().slice(0, 13);
    if (hour !== lastPurgeHour) {
      lastPurgeHour = hour;
      await o.store.webhooks.purgeFinished(new Date(o.now().getTime() - LOG_DAYS * 86_400_000));
    }
    for (;;) {
      const due = await o.store.webhooks.claimDue(BATCH, LEASE_MS);
      await Promise.all(due.map(attempt));
      if (due.length < BATCH) return;
    }
  };

  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  if (o.run) {
    timer = setInterval(() => {
      current ??= tick().catch((e: unknown) => { o.log(`webhooks: ${e instanceof Error ? e.message : 'unknown error'}`); }).finally(() => { current = undefined; });
    }, o.intervalMs ?? 5_000);
    timer.unref();
  }
  return {
    tick,
    stop: async () => {
      if (timer !== undefined) clearInterval(timer);
      await current;
    },
  };
}
