// UK bank holidays for the clinic's nation (GOV.UK's three lists), worked out by date-holidays year by year.
import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';

/** The three bank-holiday lists GOV.UK publishes, by its own names for them. */
export const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];

/** Whether a local day (YYYY-MM-DD) is a bank holiday; a plain Set of days is one too. */
export interface BankHolidays {
  has(day: string): boolean;
}

/** date-holidays' subdivision codes (ISO 3166-2:GB); Wales shares England's list. */
const SUBDIVISION: Readonly<Record<Nation, string>> = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };

/**
 * The nation's bank holidays, computed for a year the first time a day of it is asked about.
 * date-holidays lists a holiday on its own date and adds a substitute weekday when it falls on a weekend; GOV.UK lists
 * only the weekday, so weekend dates are left out (a clinic open on Saturday 26 December 2026 is open).
 */
export function nationBankHolidays(nation: Nation): BankHolidays {
  const calendar = new Holidays('GB', SUBDIVISION[nation], { types: ['public', 'bank'] });
  const years = new Map<number, ReadonlySet<string>>();
  const yearOf = (year: number): ReadonlySet<string> => {
    let days = years.get(year);
    if (days === undefined) {
      days = new Set(calendar.getHolidays(year)
        .map((h) => h.date.slice(0, 10))
        .filter((day) => Temporal.PlainDate.from(day).dayOfWeek <= 5));
      years.set(year, days);
    }
    return days;
  };
  return { has: (day) => yearOf(Number(day.slice(0, 4))).has(day) };
}

/** Reads BANK_HOLIDAYS ("2026-12-24, 2026-12-31"); throws naming the first entry that is not a real date. */
export function parseBankHolidays(text: string): ReadonlySet<string> {
  const days = text.split(/[\s,]+/).filter((d) => d !== '');
  for (const day of days) {
    let valid = /^\d{4}-\d{2}-\d{2}$/.test(day);
    try {
      if (valid) Temporal.PlainDate.from(day, { overflow: 'reject' });
    } catch {
      valid = false;
    }
    if (!valid) throw new Error(`"${day}" is not a date like 2026-12-25`);
  }
  return new Set(days);
}
