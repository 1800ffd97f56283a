// The due-time computation as it was before the Temporal polyfill and date-holidays (hand-written Intl arithmetic and
// a hard-coded England and Wales list), frozen here as the baseline bench/due-time.ts measures the library version against.
import type { DuePolicy } from '../src/clinic/due-time.js';
import type { Level } from '../src/engine/types.js';

export const HARD_CODED_HOLIDAYS: ReadonlySet<string> = new Set([
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
  '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26',
]);

interface Day { year: number; month: number; day: number; weekday: number }

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function localParts(date: Date, timeZone: string): Day & { hour: number; minute: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour), minute: Number(parts.minute), weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

function fromLocal(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, 0, minutes);
  let t = guess;
  for (let i = 0; i < 3; i++) {
    const p = localParts(new Date(t), timeZone);
    t += guess - Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  }
  return new Date(t);
}

const isoDay = (p: Day): string => `${String(p.year)}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;

function nextDay(p: Day): Day {
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

function* openDays(from: Date, policy: DuePolicy): Generator<{ start: Date; end: Date }> {
  let day: Day = localParts(from, policy.timeZone);
  for (let i = 0; i < 800; i++) {
    const hours = policy.opening[day.weekday];
    if (hours !== undefined && !policy.bankHolidays.has(isoDay(day))) {
      yield { start: fromLocal(day.year, day.month, day.day, hours.open, policy.timeZone), end: fromLocal(day.year, day.month, day.day, hours.close, policy.timeZone) };
    }
    day = nextDay(day);
  }
  throw new Error('no opening day found within 800 days');
}

/** The due time, computed exactly as before. */
export function dueTimeBefore(level: Level, sent: Date, policy: DuePolicy): Date {
  const rule = policy.byLevel[level];
  if ('workingDays' in rule) {
    let counted = -1;
    for (const { start, end } of openDays(sent, policy)) {
      if (end <= sent) continue;
      counted += counted === -1 && sent < start ? 2 : 1;
      if (counted >= rule.workingDays) return end;
    }
  } else if (rule.counting === 'clock') {
    return new Date(sent.getTime() + rule.hours * 3600_000);
  } else {
    let left = rule.hours * 3600_000;
    for (const { start, end } of openDays(sent, policy)) {
      if (end <= sent) continue;
      const from = Math.max(start.getTime(), sent.getTime());
      if (end.getTime() - from >= left) return new Date(from + left);
      left -= end.getTime() - from;
    }
  }
  throw new Error('unreachable');
}
