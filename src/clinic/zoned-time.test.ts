// Wall-clock conversions at the edges: the spring gap, the autumn repeat, midnight closing and local weekdays.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromLocal, isoDay, localParts, nextDay } from './zoned-time.js';

const at = (year: number, month: number, day: number, hh: number, mm: number, zone: string) => fromLocal(year, month, day, hh * 60 + mm, zone).toISOString();

describe('wall-clock time in a time zone', () => {
  it('reads the local date, time and weekday of an instant', () => {
    assert.deepEqual(localParts(new Date('2026-07-01T23:30:00Z'), 'Europe/London'), { year: 2026, month: 7, day: 2, hour: 0, minute: 30, weekday: 4 });
    assert.deepEqual(localParts(new Date('2026-01-04T12:00:00Z'), 'Europe/London'), { year: 2026, month: 1, day: 4, hour: 12, minute: 0, weekday: 0 });
  });

  it('turns ordinary local times into instants, in winter and in summer', () => {
    assert.equal(at(2026, 3, 2, 8, 0, 'Europe/London'), '2026-03-02T08:00:00.000Z');
    assert.equal(at(2026, 6, 1, 8, 0, 'Europe/London'), '2026-06-01T07:00:00.000Z');
    assert.equal(at(2026, 6, 1, 8, 0, 'Asia/Kolkata'), '2026-06-01T02:30:00.000Z');
  });

  it('moves a time in the spring gap to the next valid one', () => {
    // 01:30 on 29 March 2026 does not exist in London: clocks go from 01:00 GMT to 02:00 BST.
    assert.equal(at(2026, 3, 29, 1, 30, 'Europe/London'), '2026-03-29T01:30:00.000Z', '02:30 BST');
    // 02:30 on 8 March 2026 does not exist in New York.
    assert.equal(at(2026, 3, 8, 2, 30, 'America/New_York'), '2026-03-08T07:30:00.000Z', '03:30 EDT');
  });

  it('takes the later of a time the autumn repeat shows twice', () => {
    assert.equal(at(2026, 10, 25, 1, 30, 'Europe/London'), '2026-10-25T01:30:00.000Z', '01:30 GMT, not 01:30 BST');
    assert.equal(at(2026, 11, 1, 1, 30, 'America/New_York'), '2026-11-01T06:30:00.000Z', '01:30 EST, not 01:30 EDT');
  });

  it('reads 24:00 as midnight at the end of the day', () => {
    assert.equal(at(2026, 6, 1, 24, 0, 'Europe/London'), '2026-06-01T23:00:00.000Z');
  });

  it('steps and names local calendar days across months and years', () => {
    assert.deepEqual(nextDay({ year: 2028, month: 2, day: 28 }), { year: 2028, month: 2, day: 29, weekday: 2 });
    assert.deepEqual(nextDay({ year: 2026, month: 12, day: 31 }), { year: 2027, month: 1, day: 1, weekday: 5 });
    assert.equal(isoDay({ year: 2031, month: 4, day: 7 }), '2031-04-07');
  });
});
