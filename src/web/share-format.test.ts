// Tests for the saved-result link format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeShared, encodeShared } from './share-format.js';

test('answers survive a round trip through the fragment, compactly', () => {
  const answers = { age_years: 44, body_region: 'lower_back', bladder_change: false, leg_pain: true, trend: 'unknown', duration_weeks: 13.045, bowel_change: false };
  const fragment = encodeShared('abc123', answers);
  assert.equal(fragment, 'v=abc123&y=leg_pain&n=bladder_change,bowel_change&u=trend&age_years=44&body_region=lower_back&duration_weeks=13.045');
  const decoded = decodeShared(`#${fragment}`);
  assert.equal(decoded.version, 'abc123');
  assert.deepEqual(Object.fromEntries(decoded.fields), { leg_pain: 'true', bladder_change: 'false', bowel_change: 'false', trend: 'unknown', age_years: '44', body_region: 'lower_back', duration_weeks: '13.045' });
});

test('a damaged fragment decodes to what it holds, without throwing', () => {
  assert.deepEqual(decodeShared(''), { version: '', fields: [] });
  assert.deepEqual(decodeShared('#y=,,a&%%%'), { version: '', fields: [['a', 'true'], ['%%%', '']] });
});
