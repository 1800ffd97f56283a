// Tests for answers in words and durations as typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageView } from '../../engine/index.js';
import { seeded } from '../../server/test-support.js';
import { answerText, findingLine } from './answer-text.js';
import { durationParts } from './question-input.js';

test('durations come back in the unit a person most likely used', () => {
  assert.deepEqual(durationParts(3 / 7), { value: '3', unit: 'days' });
  assert.deepEqual(durationParts(2), { value: '2', unit: 'weeks' });
  assert.deepEqual(durationParts(13.045), { value: '3', unit: 'months' });
  assert.deepEqual(durationParts(10), { value: '10', unit: 'weeks' });
});

test('answers read as words', () => {
  const { content } = seeded();
  const region = pageView(content, 'region', []);
  assert.ok(region);
  assert.equal(answerText(region, { body_region: 'wrist_hand' }), 'Wrist, hand or fingers');
  const duration = pageView(content, 'duration', []);
  assert.ok(duration);
  assert.equal(answerText(duration, { duration_weeks: 1 }), '1 week');
  assert.equal(answerText(duration, { duration_weeks: 'unknown' }), "I'm not sure");
  assert.equal(findingLine(content, 'pain_score', 7).answer, '7 out of 10');
  assert.equal(findingLine(content, 'bladder_change', false).answer, 'No');
});
