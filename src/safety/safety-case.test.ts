// Tests of the safety case: it holds on the repository, and each way of breaking it on purpose fails it with a clear reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSafetyCase, type SafetyCaseOptions } from './safety-case.js';

const DAY = new Date('2026-11-30T12:00:00Z');
const nowhere = mkdtempSync(join(tmpdir(), 'creak-no-shared-'));

/** Options for the repository, without the shared files (as on a clean clone), on a fixed day. */
function options(o: Partial<SafetyCaseOptions> = {}): SafetyCaseOptions {
  return { root: '.', contentDir: 'content', now: DAY, devVignettes: join(nowhere, 'dev.yaml'), sharedHazards: join(nowhere, 'hazards.md'), extraVignettes: [], ...o };
}

/** A copy of content/ to break on purpose. */
function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'creak-safety-'));
  cpSync('content', dir, { recursive: true });
  return dir;
}

test('the repository\'s safety case holds, and says plainly when the shared files are absent', () => {
  const sc = buildSafetyCase(options());
  assert.deepEqual(sc.failures, []);
  assert.equal(sc.ok, true);
  const dev = sc.eval.find((s) => s.suite === 'development');
  assert.match(dev?.absent ?? '', /the development vignettes are absent .*their gates were not run/);
  assert.ok(dev?.gates.every((g) => g.status === 'not-run'));
  assert.match(sc.startingLog.note ?? '', /the shared starting hazard log is absent/);
  for (let i = 1; i <= 14; i++) {
    const h = sc.hazards.find((x) => x.id === `H${String(i)}`);
    assert.ok(h !== undefined, `H${String(i)} is in the log`);
    assert.ok(h.verifiedControls > 0, `${h.id} has a verified control`);
    assert.ok(h.residual.rating <= 2, `${h.id} residual ${String(h.residual.rating)}`);
  }
  assert.equal(sc.signoff?.signedOff, false, 'no content version is signed off in the repository');
  assert.ok(sc.propertyTests.names.includes('is deterministic'));
});

test('a control pointing at a removed rule fails the safety case, naming the hazard, the control and the rule', () => {
  const dir = contentCopy();
  const rules = join(dir, 'clinical', 'rules.yaml');
  const before = readFileSync(rules, 'utf8');
  const after = before.replace(/ {2}- id: E11\n[\s\S]*?(?= {2}- id: E12\n)/, '');
  assert.notEqual(after, before);
  writeFileSync(rules, after);
  const sc = buildSafetyCase(options({ contentDir: dir }));
  assert.equal(sc.ok, false);
  assert.ok(sc.failures.some((f) => /^H1 \(.*\): control 1 \(rules E1, .*E11.*\) points at something that does not exist: no rule E11 in the clinical content$/.test(f)), sc.failures.join('\n'));
  assert.equal(sc.hazards.find((h) => h.id === 'H1')?.controls[0]?.status, 'missing');
});

test('a failing eval gate fails the safety case and names the vignettes', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'creak-gate-')), 'held-back.yaml');
  writeFileSync(file, `vignettes:
  - id: wrong-on-purpose
    findings: {age_years: 30, body_region: knee, main_concern: noise_only, pain_score: 0, duration_weeks: 10, trend: same}
    expected: emergency
`);
  const sc = buildSafetyCase(options({ extraVignettes: [file] }));
  assert.equal(sc.ok, false);
  assert.deepEqual(sc.failures, ['eval gate given.no-emergency-under-triage failed: 1 emergency vignette(s) under-triaged: wrong-on-purpose']);
  assert.equal(sc.eval.find((s) => s.suite === 'given')?.metrics?.emergencyUnder, 1);
});

test('an overdue article fails the safety case with the lint\'s message, and its control shows as failed', () => {
  const sc = buildSafetyCase(options({ now: new Date('2027-12-01T12:00:00Z') }));
  assert.equal(sc.ok, false);
  assert.ok(sc.failures.some((f) => /^the lint found \d+ problem\(s\): .*clinical review overdue: it was due on 2027-11-20 .*\[article\.review-overdue\]/.test(f)), sc.failures.join('\n'));
  const control = sc.hazards.find((h) => h.id === 'H6')?.controls.find((c) => c.target === 'check article.review-overdue');
  assert.equal(control?.status, 'failed');
});

test('no verified control, a residual above 2, unknown checks, tests and sections, and a hazard left out each fail with a reason', () => {
  const dir = contentCopy();
  writeFileSync(join(dir, 'safety', 'hazards.yaml'), `hazards:
  - id: H1
    title: Under-triage
    description: Too low.
    causes: [A rule is missing.]
    harms: [Delay.]
    initial: {severity: 4, likelihood: 4, reason: Often.}
    controls:
      - {type: check, check: clinical.no-such-check, description: Nothing.}
      - {type: eval, gate: project.no-such-gate, description: Nothing.}
    residual: {severity: 4, likelihood: 2, reason: Still likely.}
    status: open
  - id: H2
    title: Wrong region
    description: Hidden red flags.
    causes: [Sciatica felt in the hip.]
    harms: [Missed cauda equina.]
    initial: {severity: 4, likelihood: 3, reason: Common.}
    controls:
      - {type: test, file: src/engine/properties.test.ts, name: no test has this name, description: Nothing.}
      - {type: test, file: src/engine/no-such.test.ts, name: is deterministic, description: Nothing.}
      - {type: document, file: docs/dcb0160.md, section: No such heading, description: Nothing.}
      - {type: document, file: docs/dcb0160.md, section: 'who watches the inbox,  and when', description: Headings match whatever their case and spacing.}
    residual: {severity: 4, likelihood: 1, reason: Rare.}
    status: open
`);
  writeFileSync(join(dir, 'safety', 'clinic-hazards.yaml'), `hazards:
  - id: L1
    title: Friday afternoons
    description: Nobody reads the inbox after 4pm on Fridays.
    causes: [One person on Fridays.]
    harms: [An urgent result waits all weekend.]
    initial: {severity: 3, likelihood: 3, reason: Busy.}
    controls:
      - {type: document, file: docs/dcb0160.md, section: Recording local hazards, description: The rota is written down.}
    residual: {severity: 3, likelihood: 1, reason: Two people check.}
    status: open
`);
  const shared = join(mkdtempSync(join(tmpdir(), 'creak-shared-')), 'hazards.md');
  writeFileSync(shared, '| id | hazard |\n|---|---|\n| H1 | Under-triage |\n| H2 | Wrong region |\n| H3 | Misreading |\n');
  const sc = buildSafetyCase(options({ contentDir: dir, sharedHazards: shared }));
  assert.deepEqual(sc.failures, [
    'H1 (Under-triage): control 1 (check clinical.no-such-check) points at something that does not exist: no lint check has the id clinical.no-such-check (see src/content/lint-checks.ts)',
    'H1 (Under-triage): control 2 (eval gate project.no-such-gate) points at something that does not exist: no eval gate has the id project.no-such-gate',
    'H1 (Under-triage): no control is verified',
    'H1 (Under-triage): residual risk rating 3 is above 2 (severity 4 × likelihood 2)',
    'H2 (Wrong region): control 1 (test src/engine/properties.test.ts: no test has this name) points at something that does not exist: src/engine/properties.test.ts has no test named "no test has this name"',
    'H2 (Wrong region): control 2 (test src/engine/no-such.test.ts: is deterministic) points at something that does not exist: the test file src/engine/no-such.test.ts does not exist',
    'H2 (Wrong region): control 3 (document docs/dcb0160.md: No such heading) points at something that does not exist: docs/dcb0160.md has no heading "No such heading"',
    'hazard H3 of the starting hazard log (hazards.md) is not in the hazard log',
  ]);
  assert.deepEqual(sc.hazards.map((h) => [h.id, h.source, h.verifiedControls]), [['H1', 'product', 0], ['H2', 'product', 1], ['L1', 'clinic', 1]]);
});

test('an invalid hazard log is a failure that names the file, the field and what was expected', () => {
  const dir = contentCopy();
  const file = join(dir, 'safety', 'hazards.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('      severity: 4\n      likelihood: 4\n', '      severity: 6\n      likelihood: 4\n'));
  writeFileSync(join(dir, 'safety', 'clinic-hazards.yaml'), 'hazards:\n  - id: H99\n    title: x\n');
  const sc = buildSafetyCase(options({ contentDir: dir }));
  assert.equal(sc.ok, false);
  assert.ok(sc.failures.some((f) => /^hazard log: .*hazards\.yaml \(hazards\.0\.initial\.severity\): .*; expected 1 \(minor\) to 5 \(catastrophic\)$/.test(f)), sc.failures.join('\n'));
  assert.ok(sc.failures.some((f) => /clinic-hazards\.yaml \(hazards\.0\.description\): missing required field "description"/.test(f)), sc.failures.join('\n'));
});
