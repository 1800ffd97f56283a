// The check's sealed state: every part comes back as sealed; another version of the check, or a foreign token, does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomKey, seal } from '../state/seal.js';
import { CHECK_PAGE_TTL_MS, CheckStates, checkUrl, noAnswers, type CheckState } from './check-state.js';

const keys = [randomKey(1)];
const now = new Date('2026-03-02T10:00:00Z');

test('a state comes back exactly as sealed, with every part', () => {
  const states = new CheckStates(keys, 'v1');
  const full: CheckState = {
    answers: { age_years: 40, body_region: 'knee', joint_swollen: 'unknown', bladder_change: false },
    question: { id: 'red-flags', shown: ['a', 'b'] }, previous: { a: true, b: false }, changing: true,
    typed: { answer: ['forty'], unit: 'weeks', unsure: true }, saved: { version: 'old', dropped: true },
  };
  for (const state of [full, { answers: {} }, { answers: { age_years: 12 }, question: { id: 'age' } }]) {
    const opened = states.open(states.seal(state, now), now);
    assert.deepEqual(opened, { ok: true, state });
  }
});

test('typed text is cut short: no answer needs more, and the address stays short', () => {
  const states = new CheckStates(keys, 'v1');
  const opened = states.open(states.seal({ answers: {}, question: { id: 'age' }, typed: { answer: ['9'.repeat(5000)], unsure: false } }, now), now);
  assert.ok(opened.ok);
  assert.equal(opened.state.typed?.answer[0]?.length, 60);
});

test('a state from another version of the check is "updated"; an old one "expired"; anything else "broken"', () => {
  const token = new CheckStates(keys, 'v1').seal({ answers: { age_years: 40 } }, now);
  assert.deepEqual(new CheckStates(keys, 'v2').open(token, now), { ok: false, problem: 'updated' });
  assert.deepEqual(new CheckStates(keys, 'v1').open(token, new Date(now.getTime() + CHECK_PAGE_TTL_MS + 1000)), { ok: false, problem: 'expired' });
  for (const payload of ['not json', '[]', '{"v":"v1"}', '{"v":"v1","a":{"x":{}}}', '{"v":"v1","a":{},"q":3}', '{"v":"v1","a":{},"s":["x",2]}']) {
    const sealed = seal(keys, 'check', Buffer.from(payload), now);
    assert.deepEqual(new CheckStates(keys, 'v1').open(sealed, now), { ok: false, problem: 'broken' }, payload);
  }
  assert.deepEqual(new CheckStates(keys, 'v1').open(seal(keys, 'done', Buffer.from('{"v":"v1","a":{}}'), now), now), { ok: false, problem: 'broken' });
});

test('addresses and the empty check', () => {
  assert.equal(checkUrl('back', 'abc_-1'), '/check/back?s=abc_-1');
  assert.equal(noAnswers({}), true);
  assert.equal(noAnswers({ age_years: 4 }), false);
});
