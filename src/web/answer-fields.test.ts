// Tests for carrying answers in hidden form fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answersToFields, fieldsToAnswers } from './answer-fields.js';

test('answers survive a round trip through hidden fields', () => {
  const answers = { age_years: 44, body_region: 'lower_back', bladder_change: true, leg_pain: false, trend: 'unknown', duration_weeks: 13.045 };
  const fields = answersToFields(answers);
  assert.deepEqual(fields.map((f) => f.name), ['a.age_years', 'a.bladder_change', 'a.body_region', 'a.duration_weeks', 'a.leg_pain', 'a.trend']);
  const body = Object.fromEntries(fields.map((f) => [f.name, f.value]));
  assert.deepEqual(fieldsToAnswers({ ...body, q: 'age', answer: 'yes' }), answers);
});

test('odd bodies give no answers rather than throwing', () => {
  assert.deepEqual(fieldsToAnswers(null), {});
  assert.deepEqual(fieldsToAnswers('a.x=1'), {});
  assert.deepEqual(fieldsToAnswers({ 'a.': 'true', 'a.x': ['1', '2'], 'a.y': { z: 1 } }), { x: 1 });
  const parsed = fieldsToAnswers(JSON.parse('{"a.__proto__":"true"}'));
  assert.equal(Object.keys(parsed).length, 0);
});
