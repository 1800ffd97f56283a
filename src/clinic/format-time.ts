// Times for staff pages and emails, in the clinic's time zone ("Mon 2 Mar 2026, 14:05"), and for files other programs read.
import { Temporal } from 'temporal-polyfill';

const cache = new Map<string, Intl.DateTimeFormat>();

export function formatTime(iso: string, timeZone: string): string {
  let f = cache.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    cache.set(timeZone, f);
  }
  return f.format(new Date(iso));
}

/** "3 h 20 min", "2 days 4 h": how long something has waited or is overdue. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} day${days === 1 ? '' : 's'}${hours > 0 ? ` ${hours} h` : ''}`;
  if (hours > 0) return `${hours} h${mins > 0 ? ` ${mins} min` : ''}`;
  return `${mins} min`;
}

/** ISO 8601 in the clinic's time zone with its offset ("2026-07-02T14:05:00+01:00"), for files other programs read. */
export function isoWithOffset(iso: string, timeZone: string): string {
  return Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone).toString({ smallestUnit: 'second', timeZoneName: 'never' });
}
