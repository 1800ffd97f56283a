// Tests of clinicians' feedback summed per hazard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SafetyRow } from '../db/submission-types.js';
import { hazardFeedback } from './hazard-feedback.js';
import type { HazardReport } from './safety-case.js';

const hazard = (id: string, rules: string[]) => ({ id, rules }) as unknown as HazardReport;
const row = (rule: string, contentVersion: string, agree: number, moreUrgent: number, lessUrgent: number): SafetyRow =>
  ({ rule, contentVersion, total: agree + moreUrgent + lessUrgent, agree, moreUrgent, lessUrgent });

test('sums feedback over a hazard\'s rules and every content version, and marks frequent disagreement', () => {
  const rows = [row('E1', 'aaa', 1, 2, 0), row('E1', 'bbb', 0, 0, 1), row('U3', 'aaa', 5, 0, 0), row('R1', 'aaa', 9, 1, 0)];
  const [h1, h2, h3] = hazardFeedback([hazard('H1', ['E1', 'U3']), hazard('H2', ['R1']), hazard('H3', [])], rows);
  assert.deepEqual(h1, { hazard: 'H1', total: 9, agree: 6, moreUrgent: 2, lessUrgent: 1, rules: [{ rule: 'E1', disagree: 3, total: 4 }], often: true });
  assert.equal(h2?.often, false, 'one disagreement in ten is not often');
  assert.deepEqual(h3, { hazard: 'H3', total: 0, agree: 0, moreUrgent: 0, lessUrgent: 0, rules: [], often: false });
});
