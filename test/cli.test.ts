// Tests of the `creak` command as a user runs it: lint, eval (with its safety gate) and the clinic commands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
