// Tests of the lint's check ids: every problem carries one from the closed list, and every listed check is reported somewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintAll } from './lint-all.js';
import { isLintCheck, LINT_CHECKS } from './lint-checks.js';

const DAY = new Date('2026-11-30T12:00:00Z');

test('every listed check is reported by the lint code, so the hazard log never links to a check that does nothing', () => {
  const sources = readdirSync('src/content')
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'lint-checks.ts')
    .map((f) => readFileSync(join('src/content', f), 'utf8')).join('\n');
  const unused = Object.keys(LINT_CHECKS).filter((id) => !sources.includes(`'${id}'`));
  assert.deepEqual(unused, []);
  assert.equal(isLintCheck('clinical.rule-never-fires'), true);
  assert.equal(isLintCheck('clinical.no-such-check'), false);
});

test('the repository content lints clean on a fixed day', () => {
  const result = lintAll('content', DAY);
  assert.deepEqual(result.problems, []);
  assert.ok(result.clinical !== undefined);
});

test('content that does not load is reported as clinical.load problems, with the loader\'s messages unchanged', () => {
  const dir = mkdtempSync(join(tmpdir(), 'creak-lintall-'));
  cpSync('content', dir, { recursive: true });
  const rules = join(dir, 'clinical', 'rules.yaml');
  writeFileSync(rules, readFileSync(rules, 'utf8').replace('sources: [girft-2023', 'sources: [no-such-source, girft-2023'));
  const result = lintAll(dir, DAY);
  assert.equal(result.clinical, undefined);
  assert.ok(result.problems.length > 0);
  assert.ok(result.problems.every((p) => p.check === 'clinical.load'));
  assert.ok(result.problems.some((p) => p.message === 'unknown reference "no-such-source"'), result.problems.map((p) => p.message).join('\n'));
});
