// Tests of the risk matrix against the published DCB0129 table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MATRIX, riskRating, type Score } from './risk-matrix.js';

const scores: Score[] = [1, 2, 3, 4, 5];

test('the corners and the middle of the table match the published matrix', () => {
  assert.equal(riskRating(1, 1), 1, 'minor, very low');
  assert.equal(riskRating(5, 1), 3, 'catastrophic, very low');
  assert.equal(riskRating(1, 5), 3, 'minor, very high');
  assert.equal(riskRating(5, 5), 5, 'catastrophic, very high');
  assert.equal(riskRating(3, 3), 3, 'considerable, medium');
  assert.equal(riskRating(4, 1), 2, 'major, very low');
  assert.equal(riskRating(4, 2), 3, 'major, low');
});

test('the rating never falls as severity or likelihood rises', () => {
  for (const s of scores) {
    for (const l of scores) {
      if (s < 5) assert.ok(riskRating((s + 1) as Score, l) >= riskRating(s, l));
      if (l < 5) assert.ok(riskRating(s, (l + 1) as Score) >= riskRating(s, l));
    }
  }
  assert.equal(MATRIX.length, 5);
});
