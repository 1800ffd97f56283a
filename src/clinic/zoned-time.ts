// Wall-clock time in the clinic's time zone (Europe/London by default) and back, with the Temporal polyfill.
import { Temporal } from 'temporal-polyfill';

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
}

export interface LocalDay {
  year: number;
  month: number;
  day: number;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
}

/** The local date and time of an instant in a time zone. */
export function localParts(date: Date, timeZone: string): LocalParts {
  const z = Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(timeZone);
  return { year: z.year, month: z.month, day: z.day, hour: z.hour, minute: z.minute, weekday: z.dayOfWeek % 7 };
}

/**
 * The instant at a local wall-clock time, `minutes` after the start of the day (1440 is the next midnight).
 * A time the autumn repeat shows twice gives the later one; a time in the spring gap moves past the gap
 * (Temporal's `disambiguation: 'later'`), so an opening time never falls before the hour it names.
 */
export function fromLocal(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const wall = new Temporal.PlainDateTime(year, month, day).add({ minutes });
  return new Date(wall.toZonedDateTime(timeZone, { disambiguation: 'later' }).epochMilliseconds);
}

/** YYYY-MM-DD of a local date. */
export function isoDay(p: Pick<LocalParts, 'year' | 'month' | 'day'>): string {
  return new Temporal.PlainDate(p.year, p.month, p.day).toString();
}

/** The next calendar day. */
export function nextDay(p: Pick<LocalParts, 'year' | 'month' | 'day'>): LocalDay {
  const d = new Temporal.PlainDate(p.year, p.month, p.day).add({ days: 1 });
  return { year: d.year, month: d.month, day: d.day, weekday: d.dayOfWeek % 7 };
}
