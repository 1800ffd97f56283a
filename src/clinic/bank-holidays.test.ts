// Bank holidays per UK nation (checked against GOV.UK's published lists) and the due times they give, with the override.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nationBankHolidays, type Nation } from './bank-holidays.js';
import { dueTime } from './due-time.js';
import { loadClinicSettings } from './settings.js';

/** Every bank holiday of a year, by asking about each day. */
function listFor(nation: Nation, year: number): string[] {
  const holidays = nationBankHolidays(nation);
  const days: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    if (holidays.has(day)) days.push(day);
  }
  return days;
}

describe('bank holidays by nation', () => {
  it('gives GOV.UK’s England and Wales list, with substitute days and no weekend dates', () => {
    // The list that was kept by hand until 2028 (from GOV.UK's bank-holidays page).
    assert.deepEqual([2026, 2027, 2028].flatMap((y) => listFor('england-and-wales', y)), [
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
      '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26',
    ]);
  });

  it('keeps going after 2028', () => {
    assert.deepEqual(listFor('england-and-wales', 2031), ['2031-01-01', '2031-04-11', '2031-04-14', '2031-05-05', '2031-05-26', '2031-08-25', '2031-12-25', '2031-12-26']);
    // 2032: Christmas Day is a Saturday and Boxing Day a Sunday, so Monday 27 and Tuesday 28 are the holidays.
    assert.deepEqual(listFor('england-and-wales', 2032).slice(-2), ['2032-12-27', '2032-12-28']);
  });

  it('gives Scotland’s list: 2 January, no Easter Monday, summer in early August, St Andrew’s Day', () => {
    assert.deepEqual(listFor('scotland', 2026), ['2026-01-01', '2026-01-02', '2026-04-03', '2026-05-04', '2026-05-25', '2026-08-03', '2026-11-30', '2026-12-25', '2026-12-28']);
    assert.deepEqual(listFor('scotland', 2027), ['2027-01-01', '2027-01-04', '2027-03-26', '2027-05-03', '2027-05-31', '2027-08-02', '2027-11-30', '2027-12-27', '2027-12-28']);
    // 2031: St Andrew's Day is a Sunday, so Monday 1 December is the holiday.
    assert.ok(listFor('scotland', 2031).includes('2031-12-01'));
  });

  it('gives Northern Ireland’s list: St Patrick’s Day and the Battle of the Boyne', () => {
    assert.deepEqual(listFor('northern-ireland', 2026), ['2026-01-01', '2026-03-17', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-07-13', '2026-08-31', '2026-12-25', '2026-12-28']);
    assert.deepEqual(listFor('northern-ireland', 2027), ['2027-01-01', '2027-03-17', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-07-12', '2027-08-30', '2027-12-27', '2027-12-28']);
  });
});

describe('due times with the clinic’s bank holidays', () => {
  const due = (env: Record<string, string>, iso: string) => dueTime('soon', new Date(iso), loadClinicSettings(env).due).toISOString();

  it('skips Easter 2031 in England and Wales by default', () => {
    // Thursday 10 April 2031: Good Friday and Easter Monday are shut, so Tuesday is day 1 and Wednesday day 2.
    assert.equal(due({}, '2031-04-10T11:00:00Z'), '2031-04-16T17:00:00.000Z');
  });

  it('skips St Andrew’s Day in Scotland only', () => {
    assert.equal(due({ BANK_HOLIDAY_NATION: 'scotland' }, '2026-11-27T10:00:00Z'), '2026-12-02T18:00:00.000Z');
    assert.equal(due({ BANK_HOLIDAY_NATION: 'england-and-wales' }, '2026-11-27T10:00:00Z'), '2026-12-01T18:00:00.000Z');
  });

  it('skips the Battle of the Boyne holiday in Northern Ireland only', () => {
    assert.equal(due({ BANK_HOLIDAY_NATION: 'northern-ireland' }, '2026-07-10T10:00:00Z'), '2026-07-15T17:00:00.000Z');
    assert.equal(due({}, '2026-07-10T10:00:00Z'), '2026-07-14T17:00:00.000Z');
  });

  it('uses BANK_HOLIDAYS instead of the nation’s list when it is set', () => {
    assert.equal(due({ BANK_HOLIDAYS: '2026-11-30, 2026-12-01' }, '2026-11-27T10:00:00Z'), '2026-12-03T18:00:00.000Z');
    assert.equal(due({ BANK_HOLIDAYS: '2026-11-30' }, '2031-04-10T11:00:00Z'), '2031-04-14T17:00:00.000Z', 'the override replaces the list');
  });

  it('refuses an unknown nation and a malformed day', () => {
    assert.throws(() => loadClinicSettings({ BANK_HOLIDAY_NATION: 'wales' }), /BANK_HOLIDAY_NATION/);
    assert.throws(() => loadClinicSettings({ BANK_HOLIDAYS: '2026-12-25x' }), /BANK_HOLIDAYS: "2026-12-25x" is not a date/);
    assert.throws(() => loadClinicSettings({ BANK_HOLIDAYS: '2026-12-25, 2026-02-30' }), /BANK_HOLIDAYS: "2026-02-30" is not a date/);
  });
});
