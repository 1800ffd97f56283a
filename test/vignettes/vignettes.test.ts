// Checks the project's vignettes against the clinical content and runs each through the triage engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadClinicalContent } from '../../src/content/clinical-loader.js';
import { interview, personAnswers } from '../../src/engine/index.js';
import { LEVELS, UNKNOWN, levelRank } from '../../src/engine/types.js';
import type { AnswerValue, ClinicalContent, FindingDef } from '../../src/engine/types.js';
import { simulate } from '../../src/eval/simulate.js';
import { loadVignettes } from '../../src/eval/vignettes.js';
import type { Vignette } from '../../src/eval/vignettes.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const yamlIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f));
/** Plain vignettes: the simulated person answers only what is asked (README semantics), as `creak eval` does. */
const plain = loadVignettes(yamlIn(here));
/** Seeded vignettes: every listed finding is sent up front, then questions are answered as for plain ones. */
const seeded = loadVignettes(yamlIn(join(here, 'seeded')));
const content = loadClinicalContent('content/clinical');

/** Runs a seeded vignette, all listed findings being answers from the start (principle 6: explicit answers win); returns the level or why none was reached. */
function runSeeded(c: ClinicalContent, v: Vignette): string {
  const run = interview(c, personAnswers(c, {}), { start: v.findings });
  if (run.repeated !== undefined) return `asked ${run.repeated} again`;
  if (run.result.status === 'outcome') return run.result.outcome.level;
  return run.result.status === 'question' ? 'no outcome' : run.result.status;
}

/** Problems with one listed answer, judged by the finding catalogue. */
function answerProblem(def: FindingDef | undefined, value: AnswerValue): string | undefined {
  if (def === undefined) return 'is not a finding of the catalogue';
  if (value === UNKNOWN) return def.required ? 'is required and cannot be unknown' : undefined;
  switch (def.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true, false or unknown';
    case 'number':
      if (typeof value !== 'number' || value < def.min || value > def.max) return `must be a number from ${def.min} to ${def.max}`;
      return def.integer && !Number.isInteger(value) ? 'must be a whole number' : undefined;
    case 'choice':
      return typeof value === 'string' && def.values.includes(value) ? undefined : `must be one of ${def.values.join(', ')}`;
  }
}

test('vignette ids are unique across the files', () => {
  const seen = new Map<string, string>();
  for (const v of [...plain, ...seeded]) {
    assert.equal(seen.get(v.id), undefined, `${v.id} is in both ${seen.get(v.id) ?? ''} and ${v.file}`);
    seen.set(v.id, v.file);
  }
  assert.ok(plain.length >= 90, `expected at least 90 plain vignettes, found ${plain.length}`);
});

test('every vignette is well formed against the clinical content', () => {
  const ruleLevel = new Map(content.rules.map((r) => [r.id, r.level]));
  const required = [...content.findings.values()].filter((d) => d.required).map((d) => d.id);
  for (const v of [...plain, ...seeded]) {
    const where = `${v.id} (${v.file})`;
    assert.ok((v.story ?? '').length > 0 && (v.why ?? '').length > 0, `${where}: needs a story and a why`);
    for (const id of required) assert.ok(id in v.findings, `${where}: ${id} is required`);
    for (const [id, value] of Object.entries(v.findings)) {
      const problem = answerProblem(content.findings.get(id), value);
      assert.equal(problem, undefined, `${where}: ${id} ${problem ?? ''}`);
    }
    const rules = v.rules ?? [];
    assert.ok(rules.length > 0, `${where}: name the rule(s) behind the expected level`);
    for (const id of rules) {
      const level = ruleLevel.get(id);
      assert.ok(level !== undefined, `${where}: ${id} is not a rule`);
      // A listed rule is at the expected level, or one above it when an unsure answer could fire it (principle 2).
      const gap = levelRank(level) - levelRank(v.expected);
      assert.ok(gap === 0 || gap === 1, `${where}: ${id} is ${level}, which cannot give ${v.expected}`);
    }
  }
});

test('every rule of the content is covered by at least one vignette at its own level', () => {
  const covered = new Set(plain.flatMap((v) => (v.rules ?? []).filter((id) => content.rules.find((r) => r.id === id)?.level === v.expected)));
  const missing = content.rules.map((r) => r.id).filter((id) => !covered.has(id));
  assert.deepEqual(missing, []);
  assert.deepEqual(new Set(plain.map((v) => v.expected)), new Set(LEVELS));
});

for (const v of plain) {
  test(`${v.id}: ${v.expected}`, () => {
    const run = simulate(content, v);
    assert.equal(run.failure, undefined, `${v.id}: ${run.failure ?? ''}`);
    assert.equal(run.outcome?.level, v.expected, `${v.id}: fired ${run.outcome?.rules.map((r) => r.id).join(', ') ?? 'nothing'}; ${v.why ?? ''}`);
  });
}

for (const v of seeded) {
  test(`${v.id} (seeded): ${v.expected}`, () => {
    assert.equal(runSeeded(content, v), v.expected, `${v.id}: ${v.why ?? ''}`);
  });
}
