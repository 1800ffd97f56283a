// Tests of the `creak` command as a user runs it: lint, eval (with its safety gate), safety-case, diff and the clinic commands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function creak(args: string[], env: Record<string, string> = {}, input = ''): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ['bin/creak.js', ...args], { encoding: 'utf8', input, env: { ...process.env, ...env } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

test('creak lint passes on the repository content and prints the readability report', () => {
  const r = creak(['lint', '--today', '2026-11-30']);
  assert.equal(r.status, 0, r.out);
  assert.match(r.out, /readability \(Flesch reading ease\): articles median/);
  assert.match(r.out, /lint: no problems/);
});

test('creak eval fails on an under-triaged emergency vignette and prints the mismatch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'creak-eval-'));
  const file = join(dir, 'v.yaml');
  writeFileSync(file, `vignettes:
  - id: wrong-on-purpose
    findings: {age_years: 30, body_region: knee, main_concern: noise_only, pain_score: 0, duration_weeks: 10, trend: same}
    expected: emergency
  - id: right
    findings: {age_years: 30, body_region: knee, main_concern: noise_only, pain_score: 0, duration_weeks: 10, trend: same}
    expected: self_care
`);
  const r = creak(['eval', file]);
  assert.equal(r.status, 1, r.out);
  assert.match(r.out, /MISMATCH wrong-on-purpose .*expected emergency, got self_care/);
  assert.match(r.out, /exact: 1 \(50\.0%\)/);
  const json = creak(['eval', file, '--json']);
  assert.equal((JSON.parse(json.out.slice(json.out.indexOf('{'))) as { emergencyUnder: number }).emergencyUnder, 1);
});

test('creak setup-link, create-admin and delete work on a fresh data folder', () => {
  const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'creak-cli-')), DATABASE_URL: '' };
  const link = creak(['setup-link'], env);
  assert.equal(link.status, 0, link.out);
  assert.match(link.out, /\/clinic\/setup\/[\w-]{20,}/);
  const admin = creak(['create-admin', 'lead@clinic.example', 'Clinical', 'Lead'], env, 'a-Long-and-unusual-passphrase-91\n');
  assert.equal(admin.status, 0, admin.out);
  assert.equal(creak(['setup-link'], env).status, 1, 'no setup link once an admin exists');
  assert.equal(creak(['delete', 'NO-SUCH-REF'], env).status, 1);
});

const absent = (name: string): string => join(mkdtempSync(join(tmpdir(), 'creak-no-shared-')), name);

test('creak safety-case --json, as on a clean clone: exit 0, H1–H14 each with a verified control, no residual rating above 2', () => {
  const r = spawnSync(process.execPath, ['bin/creak.js', 'safety-case', '--json', '--today', '2026-11-30', '--dev-vignettes', absent('dev.yaml'), '--shared-hazards', absent('hazards.md')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const sc = JSON.parse(r.stdout) as { ok: boolean; failures: string[]; hazards: { id: string; verifiedControls: number; residual: { rating: number } }[]; eval: { suite: string; absent?: string }[] };
  assert.deepEqual([sc.ok, sc.failures], [true, []]);
  for (let i = 1; i <= 14; i++) {
    const h = sc.hazards.find((x) => x.id === `H${String(i)}`);
    assert.ok(h !== undefined && h.verifiedControls > 0 && h.residual.rating <= 2, `H${String(i)}`);
  }
  assert.match(sc.eval.find((s) => s.suite === 'development')?.absent ?? '', /the development vignettes are absent/);
});

test('creak safety-case fails with each reason when a given vignette file breaks a gate, and writes the HTML report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'creak-sc-'));
  const file = join(dir, 'held-back.yaml');
  writeFileSync(file, `vignettes:
  - id: wrong-on-purpose
    findings: {age_years: 30, body_region: knee, main_concern: noise_only, pain_score: 0, duration_weeks: 10, trend: same}
    expected: emergency
`);
  const out = join(dir, 'report.html');
  const r = creak(['safety-case', file, '--out', out, '--today', '2026-11-30', '--dev-vignettes', absent('dev.yaml')]);
  assert.equal(r.status, 1, r.out);
  assert.match(r.out, /FAIL eval gate given\.no-emergency-under-triage failed: 1 emergency vignette\(s\) under-triaged: wrong-on-purpose/);
  assert.match(r.out, /safety case: FAILS \(1 reason\(s\)\)/);
  assert.match(readFileSync(out, 'utf8'), /<strong>The safety case fails<\/strong>/);
  assert.equal(creak(['safety-case', '--today', '30/11/2026']).status, 2, 'a bad date is a usage error');
});

test('creak diff between two content folders prints the changed rule and the vignettes whose outcome changed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'creak-cli-diff-'));
  const after = join(dir, 'after');
  cpSync('content', after, { recursive: true });
  const rules = join(after, 'clinical', 'rules.yaml');
  writeFileSync(rules, readFileSync(rules, 'utf8').replace('  - id: E11\n    level: emergency\n', '  - id: E11\n    level: urgent\n'));
  const r = creak(['diff', 'content', after, '--dev-vignettes', absent('dev.yaml')]);
  assert.equal(r.status, 0, r.out);
  assert.match(r.out, /Rules changed \(1\):\n {2}E11 urgent: Jaw out of place\n {4}level: emergency → urgent/);
  assert.match(r.out, /em-e11-jaw-open \(project, expected emergency\): emergency \[E11\] → urgent \[E11\] LEVEL CHANGED/);
  assert.equal(creak(['diff', 'content', 'no-such-revision']).status, 2);
});
