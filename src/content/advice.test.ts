// Tests that every level, rule, tier and region has advice, and that adviceFor assembles it correctly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FiredRule, Level, Outcome, Region } from '../engine/types.js';
import { LEVELS } from '../engine/types.js';
import { adviceCoverage, adviceFor, loadAdvice, outOfScopeAdvice, readAdvice } from './advice.js';
import { existsSync, readdirSync, readFileSync as read } from 'node:fs';
import { loadClinicalContent } from './clinical-loader.js';
import { EXAMPLE_PLACEHOLDERS } from './placeholders.js';

const advice = loadAdvice('content/clinical');
const values = EXAMPLE_PLACEHOLDERS;

function outcome(level: Level, region: Region, rules: string[], tier?: string): Pick<Outcome, 'level' | 'region' | 'rules'> {
  const fired: FiredRule[] = rules.map((id) => {
    const r: FiredRule = { id, level, title: id, reason: '', because: [], sources: [] };
    if (tier !== undefined) r.tier = { atLeast: 3, code: tier, label: tier };
    return r;
  });
  return { level, region, rules: fired };
}

const content = loadClinicalContent('content/clinical');
const rules = content.rules.map((r) => ({ id: r.id, tiers: (r.tiers?.tiers ?? []).map((t) => t.code) }));
const regionFinding = content.findings.get('body_region');
const regions = regionFinding?.type === 'choice' ? regionFinding.values : [];
const SHARED_RULES = '../shared/clinical/rules.md';

test('every rule, tier and region of the clinical content has advice', () => {
  assert.deepEqual(adviceCoverage(advice, { rules, regions }), []);
  assert.deepEqual(new Set(content.rules.map((r) => r.level)), new Set(LEVELS));
  assert.deepEqual(rules.find((r) => r.id === 'S5')?.tiers, ['refer', 'test']);
});

test('the clinical content has every rule of the shared rules.md', { skip: existsSync(SHARED_RULES) ? false : `the shared contract (${SHARED_RULES}) is not beside this checkout` }, () => {
  const ids = [...read(SHARED_RULES, 'utf8').matchAll(/^\| ([ECURS]\d+)\b/gm)].map((m) => m[1] ?? '');
  assert.ok(ids.length >= 40, `expected the rules of rules.md, found ${ids.length}`);
  assert.deepEqual(ids.filter((id) => !content.rules.some((r) => r.id === id)), [], 'rules of rules.md missing from rules.yaml');
});

test('each level names its service through placeholders', () => {
  const service: Record<Level, string> = {
    emergency: '{{emergencyNumber}}', urgent: '{{urgentLine}}', soon: '{{clinicPhone}}', routine: '{{bookingUrl}}', self_care: '{{bookingUrl}}',
  };
  for (const level of LEVELS) {
    const a = advice.levels[level];
    assert.ok([a.title, ...a.doNow].some((t) => t.includes(service[level])), `${level} should mention ${service[level]}`);
  }
  assert.ok(advice.outOfScope.doNow.some((t) => t.includes('{{emergencyNumber}}')));
  assert.ok(advice.outOfScope.doNow.some((t) => t.includes('{{urgentLine}}')));
  assert.ok(advice.outOfScope.doNow.some((t) => t.includes('GP')));
});

test('adviceFor fills placeholders and lists a note per fired rule', () => {
  const a = adviceFor(advice, outcome('emergency', 'lower_back', ['E1', 'E2']), values);
  assert.equal(a.title, 'Call 999 now');
  assert.deepEqual(a.ruleNotes.map((n) => n.rule), ['E1', 'E2']);
  assert.ok(a.doNow.every((t) => !t.includes('{{')));
  assert.deepEqual(a.selfManagement, [], 'no self-management with an emergency');
  assert.ok(adviceFor(advice, outcome('urgent', 'knee', ['U1']), values).doNow.some((t) => t.includes('NHS 111')));
});

test('S5 adds the text of its tier', () => {
  const test3 = adviceFor(advice, outcome('soon', 'lower_back', ['S5'], 'test'), values).ruleNotes[0]?.text ?? '';
  const refer = adviceFor(advice, outcome('soon', 'lower_back', ['S5'], 'refer'), values).ruleNotes[0]?.text ?? '';
  assert.match(test3, /blood test/);
  assert.match(refer, /rheumatologist/);
  assert.notEqual(test3, refer);
});

test('self-management comes with self_care and routine results, chosen by rules then region', () => {
  const noise = adviceFor(advice, outcome('self_care', 'knee', ['C1']), values).selfManagement;
  const knee = adviceFor(advice, outcome('self_care', 'knee', ['C4']), values).selfManagement;
  const back = adviceFor(advice, outcome('routine', 'lower_back', ['R2', 'R3']), values).selfManagement;
  const soon = adviceFor(advice, outcome('soon', 'lower_back', ['S10']), values).selfManagement;
  assert.ok(noise.some((t) => /knuckles/.test(t)));
  assert.ok(knee.some((t) => /muscles stronger/.test(t)));
  assert.ok(back.some((t) => /paracetamol on its own/.test(t)), 'NG59: paracetamol alone is not advised for low back pain');
  assert.deepEqual(soon, []);
});

test('out-of-scope advice points to a GP, the urgent line or the emergency number', () => {
  const a = outOfScopeAdvice(advice, values);
  assert.match(a.title, /16/);
  assert.ok(a.doNow.some((t) => t.includes('999')));
  assert.ok(a.doNow.some((t) => t.includes('NHS 111')));
});

test('bad advice files are reported precisely', () => {
  const dir = mkdtempSync(join(tmpdir(), 'creak-advice-'));
  writeFileSync(join(dir, 'advice.yaml'), 'levels: {}\nout_of_scope: {title: x}\nself_management: []\nrules: {E1: "Ring {{fax}}"}\n');
  const { advice: none, problems } = readAdvice(dir);
  assert.equal(none, undefined);
  const paths = problems.map((p) => p.path);
  assert.ok(paths.includes('levels.emergency'), paths.join(', '));
  assert.ok(paths.includes('out_of_scope.meaning'));
  const good = loadAdvice('content/clinical');
  assert.deepEqual(adviceCoverage(good, { rules: [{ id: 'Z9', tiers: [] }], regions: ['elbow', 'moon'] }).map((p) => p.message).sort(), [
    ...[...good.rules.keys()].map((id) => `note for unknown rule ${id}`), 'no note for rule Z9', 'no self-management for region moon',
  ].sort());
  writeFileSync(join(dir, 'advice.yaml'), readFileSync('content/clinical/advice.yaml', 'utf8').replace('Call {{emergencyNumber}} now', 'Call {{emergencyNumbr}} now'));
  assert.match(readAdvice(dir).problems[0]?.message ?? '', /unknown placeholder \{\{emergencyNumbr\}\}/);
});

test('the 20-minute wait before a joint cracks again is told as what it is: a finding in finger joints', () => {
  // Unsworth 1971 timed knuckles only; the clinical review found it applied to every joint, the spine included.
  const texts = [
    ...read('content/clinical/advice.yaml', 'utf8').split('\n'),
    ...readdirSync('content/articles').filter((f) => f.endsWith('.md')).flatMap((f) => read(join('content/articles', f), 'utf8').split('\n\n')),
  ];
  const told = texts.filter((t) => /20 minutes/.test(t));
  assert.ok(told.length > 0);
  for (const t of told) assert.match(t, /finger|knuckle/i, `says "20 minutes" without saying it was measured in finger joints: ${t.trim()}`);
});
