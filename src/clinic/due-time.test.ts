// Due times: opening hours, working days, weekends, bank holidays and clock changes in Europe/London.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_DUE_RULES, dueTime, parseOpeningTimes, type DuePolicy } from './due-time.js';

const policy: DuePolicy = {
  timeZone: 'Europe/London',
  opening: parseOpeningTimes('mon-fri 08:00-18:00'),
  bankHolidays: new Set(['2026-04-03', '2026-04-06']),
  byLevel: DEFAULT_DUE_RULES,
};
const due = (level: Parameters<typeof dueTime>[0], iso: string) => dueTime(level, new Date(iso), policy).toISOString();

describe('due times', () => {
  it('counts urgent in opening hours, running over the evening and the weekend', () => {
    assert.equal(due('urgent', '2026-03-02T10:00:00Z'), '2026-03-02T14:00:00.000Z');
    assert.equal(due('urgent', '2026-03-02T16:00:00Z'), '2026-03-03T10:00:00.000Z');
    assert.equal(due('urgent', '2026-03-06T20:00:00Z'), '2026-03-09T12:00:00.000Z', 'Friday night → Monday noon');
  });

  it('counts emergencies on the clock', () => {
    assert.equal(due('emergency', '2026-03-07T03:00:00Z'), '2026-03-07T04:00:00.000Z');
  });

  it('ends working-day deadlines at closing time, skipping weekends and bank holidays', () => {
    assert.equal(due('soon', '2026-03-02T10:00:00Z'), '2026-03-04T18:00:00.000Z', 'Monday daytime: Wednesday close');
    assert.equal(due('soon', '2026-03-02T07:00:00Z'), '2026-03-03T18:00:00.000Z', 'before opening, Monday counts');
    assert.equal(due('soon', '2026-03-06T20:00:00Z'), '2026-03-10T18:00:00.000Z', 'Friday night: Monday is day 1');
    // Easter 2026: Good Friday 3 April and Easter Monday 6 April are shut; British Summer Time (UTC+1) applies.
    assert.equal(due('soon', '2026-04-02T12:00:00Z'), '2026-04-08T17:00:00.000Z');
  });

  it('keeps local opening hours across the clock change', () => {
    assert.equal(due('urgent', '2026-03-27T16:00:00Z'), '2026-03-30T09:00:00.000Z', '08:00 BST is 07:00 UTC; 2 h left on Monday');
  });

  it('reads opening times and refuses nonsense', () => {
    assert.deepEqual(parseOpeningTimes('sat 09:00-12:30'), { 6: { open: 540, close: 750 } });
    assert.throws(() => parseOpeningTimes('weekdays 9-5'), /cannot read/);
    assert.throws(() => parseOpeningTimes('mon 18:00-08:00'), /not a valid/);
  });
});
