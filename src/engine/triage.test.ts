// Unit tests of triage(): validation, scope, question choice, safety principles and the explanation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { triage, toWeeks } from './index.js';
import { interview, realContent } from './test-support.js';
import type { AnswerValue, Outcome, TriageResult } from './types.js';

const c = realContent();
const base = { age_years: 40, body_region: 'lower_back', main_concern: 'pain_only' } as const;

function outcomeOf(result: TriageResult): Outcome {
  if (result.status !== 'outcome') assert.fail(`expected an outcome, got ${JSON.stringify(result).slice(0, 300)}`);
  return result.outcome;
}

function run(person: Record<string, AnswerValue>): Outcome {
  return outcomeOf(interview(c, person).result);
}

test('asks age, region and concern first, in that order', () => {
  const first = triage(c, {});
  assert.equal(first.status === 'question' && first.question.finding, 'age_years');
  const second = triage(c, { age_years: 30 });
  assert.equal(second.status === 'question' && second.question.finding, 'body_region');
  const third = triage(c, { age_years: 30, body_region: 'knee' });
  assert.equal(third.status === 'question' && third.question.finding, 'main_concern');
});

test('rejects bad answers with a code and a path, never throwing', () => {
  const cases: [unknown, string, string][] = [
    [{ nope: true }, 'answers.nope', 'unknown_finding'],
    [{ age_years: '40' }, 'answers.age_years', 'wrong_type'],
    [{ age_years: 40.5 }, 'answers.age_years', 'not_whole_number'],
    [{ age_years: 121 }, 'answers.age_years', 'out_of_range'],
    [{ pain_score: -1 }, 'answers.pain_score', 'out_of_range'],
    [{ body_region: 'toe' }, 'answers.body_region', 'invalid_choice'],
    [{ body_region: 'unknown' }, 'answers.body_region', 'unknown_not_allowed'],
    [{ bladder_change: 'yes' }, 'answers.bladder_change', 'wrong_type'],
    [{ duration_weeks: Number.NaN }, 'answers.duration_weeks', 'wrong_type'],
    [[1, 2], 'answers', 'wrong_type'],
    [null, 'answers', 'wrong_type'],
    [{ __proto__: { x: 1 }, constructor: true }, 'answers.constructor', 'unknown_finding'],
  ];
  for (const [answers, path, code] of cases) {
    const result = triage(c, answers);
    if (result.status !== 'invalid') assert.fail(`expected invalid for ${JSON.stringify(answers)}`);
    assert.deepEqual(result.errors.map((e) => [e.path, e.code]), [[path, code]]);
  }
});

test('an age under 16 ends the check as out of scope', () => {
  const result = triage(c, { age_years: 15 });
  assert.deepEqual(result.status === 'out_of_scope' && result.minimumAge, 16);
  assert.equal(triage(c, { age_years: 16 }).status, 'question');
});

test('stops at once on an emergency sign (principle 7)', () => {
  const result = triage(c, { ...base, bladder_change: true });
  const outcome = outcomeOf(result);
  assert.equal(outcome.level, 'emergency');
  assert.deepEqual(outcome.rules.map((r) => r.id), ['E1']);
  assert.ok(outcome.decisive.includes('bladder_change'));
});

test('asks the red flags of the region before concluding a lower level (principle 1)', () => {
  const { answers } = interview(c, { ...base, pain_score: 3, duration_weeks: 1, trend: 'better', bothersomeness: 'slightly' });
  for (const f of ['bladder_change', 'bowel_change', 'saddle_numbness', 'both_legs_symptoms', 'leg_weakness_progressive', 'cancer_history', 'fever_or_unwell', 'major_trauma']) {
    assert.ok(f in answers, `${f} was not asked`);
  }
  for (const f of ['jaw_stuck_open', 'joint_locked_now', 'deformity']) assert.ok(!(f in answers), `${f} should not be asked for the back`);
});

test('a knee check never asks about the bladder or the jaw', () => {
  const { answers } = interview(c, { age_years: 30, body_region: 'knee', main_concern: 'noise_only' });
  for (const f of ['bladder_change', 'saddle_numbness', 'jaw_stuck_open', 'jaw_limited_opening', 'stroke_signs_now']) assert.ok(!(f in answers), f);
});

test('unsure answers follow principle 2: one below the worst case, at least the best case', () => {
  const ces = run({ ...base, pain_score: 5, duration_weeks: 1, trend: 'same', saddle_numbness: 'unknown', bothersomeness: 'slightly' });
  assert.equal(ces.level, 'urgent');
  assert.equal(ces.worstCase, 'emergency');
  assert.deepEqual(ces.unsure.filter((u) => u.rule === 'E1').map((u) => u.finding), ['saddle_numbness']);
  const fever = run({ ...base, pain_score: 5, duration_weeks: 1, trend: 'same', fever_or_unwell: 'unknown', bothersomeness: 'slightly' });
  assert.equal(fever.level, 'soon');
});

test('an unknown number is read over its whole range', () => {
  // Pain unknown: R1 (noise with pain of 4 or more) could fire, so at worst routine; one below is self-care.
  const knee = run({ age_years: 30, body_region: 'knee', main_concern: 'noise_and_pain', noise_painful: true, duration_weeks: 1, trend: 'better', pain_score: 'unknown' });
  assert.equal(knee.worstCase, 'routine');
  assert.equal(knee.level, 'self_care');
});

test('derives the age at onset from age and duration, and an explicit answer wins', () => {
  const person = { ...base, age_years: 30, pain_score: 5, duration_weeks: 30, trend: 'same', bothersomeness: 'slightly',
    ibp_wakes_late_night: true, ibp_buttock_pain: true, ibp_better_with_movement: true } as const;
  const derived = run(person);
  assert.ok(derived.rules.some((r) => r.id === 'S5'), 'S5 fires with derived onset before 45');
  const explicit = outcomeOf(interview(c, person, { ibp_onset_before_45: false }).result);
  assert.ok(!explicit.rules.some((r) => r.id === 'S5'), 'the explicit "no" wins');
});

test('S5 keeps asking until the tier is settled (principle 8)', () => {
  const outcome = run({ ...base, age_years: 30, pain_score: 5, duration_weeks: 30, trend: 'same', bothersomeness: 'slightly',
    ibp_wakes_late_night: true, ibp_buttock_pain: true, ibp_better_with_movement: true, ibp_psoriasis: true });
  const s5 = outcome.rules.find((r) => r.id === 'S5');
  assert.equal(s5?.tier?.code, 'refer');
});

test('back pain gets its risk group, with the explanation', () => {
  const medium = run({ ...base, pain_score: 5, duration_weeks: 3, trend: 'better', walks_short_distances_only: true, dresses_slowly: true, neck_shoulder_pain_too: true, worrying_thoughts: true, bothersomeness: 'moderately' });
  assert.equal(medium.level, 'routine');
  assert.deepEqual(medium.riskGroup, { group: 'medium', total: 4, psychosocial: 1 });
  const low = run({ ...base, pain_score: 5, duration_weeks: 1, trend: 'better', bothersomeness: 'slightly' });
  assert.equal(low.level, 'self_care');
  assert.equal(low.riskGroup?.group, 'low');
  assert.deepEqual(low.rules.map((r) => r.id), ['C3']);
});

test('the explanation lists red flags checked and absent, safety-netting and article tags', () => {
  const outcome = run({ ...base, pain_score: 3, duration_weeks: 1, trend: 'better', bothersomeness: 'slightly' });
  assert.ok(outcome.checkedAbsent.includes('saddle_numbness'));
  assert.ok(outcome.safetyNet.length > 0);
  assert.ok(outcome.articleTags.includes('back'));
  assert.equal(outcome.contentVersion, c.version);
});

test('answers for findings outside the region are validated and ignored', () => {
  const outcome = run({ age_years: 30, body_region: 'knee', main_concern: 'noise_only', bladder_change: true });
  assert.equal(outcome.level, 'self_care');
  assert.equal(triage(c, { age_years: 30, body_region: 'knee', main_concern: 'noise_only', bladder_change: 'maybe' }).status, 'invalid');
});

test('a grouped page asks only findings still needed for one level, at most six, in clinical order', () => {
  const q = triage(c, { age_years: 30, body_region: 'neck', main_concern: 'pain_only', cancer_history: false });
  assert.ok(q.status === 'question' && q.question.kind === 'multi', JSON.stringify(q));
  const { findings, options } = q.question;
  assert.ok(findings.length >= 2 && findings.length <= 6, findings.join(', '));
  assert.ok(!findings.includes('cancer_history'), 'an answered finding is never asked again');
  assert.deepEqual(findings.slice(0, 3), ['bladder_change', 'bowel_change', 'saddle_numbness']);
  assert.ok(options !== undefined);
  assert.deepEqual(options.map((o) => o.finding), findings);
  assert.ok(options.every((o) => o.label.length > 0 && !o.label.endsWith('?')), 'statements, not questions');
});

test('a gate is asked before what depends on it: a knee asks about back-related leg pain before the bladder', () => {
  const q = triage(c, { age_years: 30, body_region: 'knee', main_concern: 'pain_only' });
  assert.ok(q.status === 'question');
  assert.ok(q.question.findings.includes('leg_pain'), q.question.findings.join(', '));
  assert.ok(!q.question.findings.includes('bladder_change'), 'the bladder matters for a knee only with back-related leg pain');
  const after = triage(c, { age_years: 30, body_region: 'knee', main_concern: 'pain_only', leg_pain: true });
  assert.ok(after.status === 'question' && after.question.findings.includes('bladder_change'), 'with leg pain from the back, the cauda equina signs come next');
});

test('an unsure emergency sign is asked once more on its own before it raises the level (principle 2b)', () => {
  const start = { age_years: 40, body_region: 'lower_back', main_concern: 'pain_only', saddle_numbness: 'unknown' };
  const q = triage(c, start);
  assert.ok(q.status === 'question' && q.question.clarifies === 'saddle_numbness', JSON.stringify(q));
  assert.equal(q.question.findings[0], 'saddle_numbness_recheck');
  const again = triage(c, { ...start, saddle_numbness_recheck: 'unknown' });
  assert.ok(again.status !== 'question' || again.question.clarifies !== 'saddle_numbness', 'asked again only once');
  assert.equal(outcomeOf(triage(c, { ...start, saddle_numbness_recheck: 'yes' })).level, 'emergency');
});

test('derived findings are never asked: no noise questions for pain only, no "does it hurt" for a painless noise', () => {
  for (const [concern, never] of [['pain_only', ['noise_painful', 'noise_after_surgery', 'deliberate_cracking', 'noise_type']], ['noise_only', ['noise_painful']]] as const) {
    const { answers } = interview(c, { age_years: 40, body_region: 'knee', main_concern: concern });
    for (const f of never) assert.ok(!Object.hasOwn(answers, f), `${concern}: ${f} was asked`);
  }
});

test('displaced rules are left out of the explanation', () => {
  const outcome = outcomeOf(triage(c, { ...base, body_region: 'upper_back', fever_or_unwell: true, leg_weakness_progressive: true }));
  assert.deepEqual(outcome.rules.map((r) => r.id), ['E4']);
});

test('converts durations to weeks', () => {
  assert.equal(toWeeks(14, 'days'), 2);
  assert.equal(toWeeks(3, 'weeks'), 3);
  assert.equal(toWeeks(6, 'months'), 26.09);
});
