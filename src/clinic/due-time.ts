// When the clinic should have acted on a sent result: a time per level, counted in opening hours or working days,
// skipping closed days and bank holidays (issue 5: "urgent within 4 hours, soon within 2 working days …").
import type { Level } from '../engine/types.js';
import type { BankHolidays } from './bank-holidays.js';
import { fromLocal, isoDay, localParts, nextDay, type LocalDay } from './zoned-time.js';

/** Opening minutes from midnight, per weekday (0 Sunday … 6 Saturday); missing days are closed. */
export type OpeningTimes = Readonly<Partial<Record<number, { open: number; close: number }>>>;

export type DueRule = { hours: number; counting: 'clock' | 'opening' } | { workingDays: number };

export interface DuePolicy {
  timeZone: string;
  opening: OpeningTimes;
  /** Local dates (YYYY-MM-DD) when the clinic is shut: the nation's bank holidays or the clinic's own list. */
  bankHolidays: BankHolidays;
  byLevel: Readonly<Record<Level, DueRule>>;
}

export const DEFAULT_DUE_RULES: Readonly<Record<Level, DueRule>> = {
  emergency: { hours: 1, counting: 'clock' },
  urgent: { hours: 4, counting: 'opening' },
  soon: { workingDays: 2 },
  routine: { workingDays: 5 },
  self_care: { workingDays: 10 },
};

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Parses "mon-fri 08:00-18:00, sat 09:00-12:30" into opening times; throws with a plain message when malformed. */
export function parseOpeningTimes(text: string): OpeningTimes {
  const result: Partial<Record<number, { open: number; close: number }>> = {};
  for (const part of text.split(/[,;]/).map((s) => s.trim().toLowerCase()).filter((s) => s !== '')) {
    const m = /^([a-z]{3})(?:-([a-z]{3}))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (m === null) throw new Error(`opening times: cannot read "${part}" (write e.g. "mon-fri 08:00-18:00")`);
    const [, from = '', to, oh = '', om = '', ch = '', cm = ''] = m;
    const first = DAY_NAMES.indexOf(from);
    const last = DAY_NAMES.indexOf(to ?? from);
    const open = Number(oh) * 60 + Number(om);
    const close = Number(ch) * 60 + Number(cm);
    if (first < 0 || last < 0 || close <= open || close > 24 * 60) throw new Error(`opening times: "${part}" is not a valid day range and time`);
    for (let d = first; ; d = (d + 1) % 7) {
      result[d] = { open, close };
      if (d === last) break;
    }
  }
  if (Object.keys(result).length === 0) throw new Error('opening times: at least one open day is needed');
  return result;
}

/** The due time for a result of this level sent at `sent`. */
export function dueTime(level: Level, sent: Date, policy: DuePolicy): Date {
  const rule = policy.byLevel[level];
  if ('workingDays' in rule) return afterWorkingDays(sent, rule.workingDays, policy);
  if (rule.counting === 'clock') return new Date(sent.getTime() + rule.hours * 3600_000);
  return afterOpeningMinutes(sent, rule.hours * 60, policy);
}

/** Opening intervals of each local day from the one containing `from`, with their instants. */
function* openDays(from: Date, policy: DuePolicy): Generator<{ start: Date; end: Date }> {
  let day: LocalDay = localParts(from, policy.timeZone);
  for (let i = 0; i < 800; i++) {
    const hours = policy.opening[day.weekday];
    if (hours !== undefined && !policy.bankHolidays.has(isoDay(day))) {
      yield { start: fromLocal(day.year, day.month, day.day, hours.open, policy.timeZone), end: fromLocal(day.year, day.month, day.day, hours.close, policy.timeZone) };
    }
    day = nextDay(day);
  }
  throw new Error('no opening day found within 800 days');
}

function afterOpeningMinutes(sent: Date, minutes: number, policy: DuePolicy): Date {
  let left = minutes * 60_000;
  for (const { start, end } of openDays(sent, policy)) {
    if (end <= sent) continue;
    const from = Math.max(start.getTime(), sent.getTime());
    if (end.getTime() - from >= left) return new Date(from + left);
    left -= end.getTime() - from;
  }
  throw new Error('unreachable');
}

/** Closing time of the Nth opening day after the day it arrived (that day counts as day 0 if it arrived before closing). */
function afterWorkingDays(sent: Date, days: number, policy: DuePolicy): Date {
  let counted = -1;
  for (const { start, end } of openDays(sent, policy)) {
    if (end <= sent) continue;
    // Arriving before opening on an open day: that day is the first working day, not day 0.
    counted += counted === -1 && sent < start ? 2 : 1;
    if (counted >= days) return end;
  }
  throw new Error('unreachable');
}
