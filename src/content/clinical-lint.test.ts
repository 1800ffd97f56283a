// Tests of the clinical lint: clean on the real content, and it finds each kind of problem it claims to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintClinical } from './clinical-lint.js';
import { satisfiable } from './satisfiable.js';
import { loadClinicalContent } from './clinical-loader.js';
import type { ClinicalContent, Condition } from '../engine/types.js';

const real = loadClinicalContent();

test('the repository clinical content has no problems', () => {
  assert.deepEqual(lintClinical(real), []);
});

test('finds a rule that can never fire', () => {
  const never: Condition = { kind: 'all', of: [{ kind: 'true', finding: 'bladder_change' }, { kind: 'not', of: { kind: 'true', finding: 'bladder_change' } }] };
  assert.equal(satisfiable(real, never), false);
  const broken: ClinicalContent = { ...real, rules: real.rules.map((r) => (r.id === 'R6' ? { ...r, when: never } : r)) };
  assert.ok(lintClinical(broken).some((p) => p.message === 'rule R6 can never fire'));
});

test('finds age thresholds that no age can meet', () => {
  const c: Condition = { kind: 'all', of: [{ kind: 'compare', finding: 'age_years', op: 'gte', value: 70 }, { kind: 'compare', finding: 'age_years', op: 'lt', value: 60 }] };
  assert.equal(satisfiable(real, c), false);
  assert.equal(satisfiable(real, { kind: 'compare', finding: 'age_years', op: 'gte', value: 70 }), true);
});

test('finds unused and unasked findings, and questions that mix levels', () => {
  const findings = new Map(real.findings);
  findings.set('spare', { id: 'spare', type: 'boolean', required: false, meaning: 'test' });
  const multi = { id: 'mixed', kind: 'multi' as const, findings: ['bladder_change', 'sexual_change'], text: 'Do any of these apply?', unknownAllowed: true };
  const questions = [...real.questions.filter((q) => !multi.findings.includes(q.findings[0] ?? '')), multi];
  const problems = lintClinical({ ...real, findings, questions });
  assert.ok(problems.some((p) => p.message.includes('finding spare is used by no rule')));
  assert.ok(problems.some((p) => p.message.includes('finding spare is asked by no question')));
  assert.ok(problems.some((p) => p.message.includes('question mixed groups findings of different levels')));
});

test('finds a region whose safety net misses a rule that applies to it (principle 9)', () => {
  const broken: ClinicalContent = { ...real, rules: real.rules.map((r) => (r.id === 'E14' ? { ...r, warning: undefined as never } : r)) };
  const messages = lintClinical(broken).map((p) => p.message);
  assert.ok(messages.includes('the safety net for neck misses rule E14, which can apply there'), messages.join('\n'));
  assert.ok(!messages.some((m) => /for (knee|jaw) misses rule E14/.test(m)), 'E14 is for the neck only');
});

test('finds a warning whose signs are not findings of its rule', () => {
  const broken: ClinicalContent = {
    ...real,
    rules: real.rules.map((r) => (r.id === 'U3' && r.warning ? { ...r, warning: { ...r.warning, signs: ['joint_locked_now', 'deformity'] } } : r)),
  };
  assert.ok(lintClinical(broken).some((p) => p.message === 'deformity is not a finding of rule U3'));
});
