// Tests of the clinical content loader: the real content, the shared catalogue, invalid content, the version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ContentError, loadClinicalContent } from './clinical-loader.js';

const SHARED = '../shared/clinical/findings.yaml';

function copyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'creak-content-'));
  cpSync('content', dir, { recursive: true });
  return join(dir, 'clinical');
}

function problemsOf(fn: () => unknown): { file: string; path: string; message: string; expected: string }[] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ContentError, String(error));
    return [...error.problems];
  }
  assert.fail('expected a ContentError');
}

test('the repository content loads', () => {
  const c = loadClinicalContent();
  assert.equal(c.rules.length, 51);
  assert.match(c.version, /^[0-9a-f]{12}$/);
});

test('has every finding of the shared catalogue with the same type and values', { skip: existsSync(SHARED) ? false : `the shared catalogue (${SHARED}) is not beside this checkout` }, () => {
  const shared = (parse(readFileSync(SHARED, 'utf8')) as { findings: Record<string, { type: string; values?: string[]; required?: boolean }> }).findings;
  const c = loadClinicalContent();
  for (const [id, def] of Object.entries(shared)) {
    const ours = c.findings.get(id);
    assert.ok(ours, `missing finding ${id}`);
    assert.equal(ours.type, def.type, id);
    assert.equal(ours.required, def.required ?? false, id);
    if (ours.type === 'choice') assert.deepEqual(ours.values, def.values, id);
  }
});

test('names the file, path and expectation of each problem in invalid content', () => {
  const dir = copyContent();
  const rules = readFileSync(join(dir, 'rules.yaml'), 'utf8')
    .replace("when: {all: [{any: [spinal, 'body_region in [hip, other]', back_related]}, {any: [bladder_change, bowel_change, saddle_numbness]}]}", 'when: {all: [spinal, bladder_changed]}')
    .replace('level: routine\n    title: Noise that comes with a lot of pain', 'level: sometimes\n    title: Noise that comes with a lot of pain');
  writeFileSync(join(dir, 'rules.yaml'), rules);
  const problems = problemsOf(() => loadClinicalContent(dir));
  assert.ok(problems.some((p) => p.file === 'rules.yaml' && /^rules\.\d+\.level$/.test(p.path) && p.expected.includes('"routine"')), JSON.stringify(problems));
});

test('rejects unknown findings in a condition and unknown sources', () => {
  const dir = copyContent();
  writeFileSync(join(dir, 'rules.yaml'), readFileSync(join(dir, 'rules.yaml'), 'utf8')
    .replace("when: {all: [{any: [spinal, 'body_region in [hip, other]', back_related]}, {any: [bladder_change, bowel_change, saddle_numbness]}]}", 'when: {all: [spinal, bladder_changed]}')
    .replace('sources: [girft-2023, finucane-2020]', 'sources: [nobody-2099]'));
  const problems = problemsOf(() => loadClinicalContent(dir));
  assert.ok(problems.some((p) => p.message.includes('"bladder_changed"') && p.path.startsWith('rules[0].when')), JSON.stringify(problems));
  assert.ok(problems.some((p) => p.message.includes('nobody-2099')), JSON.stringify(problems));
});

test('rejects a question that mixes types or allows "not sure" for a required finding', () => {
  const dir = copyContent();
  writeFileSync(join(dir, 'questions.yaml'), readFileSync(join(dir, 'questions.yaml'), 'utf8')
    .replace('    hint: Your age in whole years. If you are answering for someone else, give their age.\n    unknown_allowed: false', '    hint: Your age in whole years. If you are answering for someone else, give their age.\n    unknown_allowed: true'));
  const problems = problemsOf(() => loadClinicalContent(dir));
  assert.ok(problems.some((p) => p.file === 'questions.yaml' && p.path.includes('(age)') && p.expected === 'unknown_allowed: false'), JSON.stringify(problems));
});

test('the version changes with the clinical content but not with the articles', () => {
  const dir = copyContent();
  const before = loadClinicalContent(dir).version;
  writeFileSync(join(dir, '..', 'articles', 'extra.md'), '---\ntitle: x\n---\n');
  assert.equal(loadClinicalContent(dir).version, before);
  writeFileSync(join(dir, 'questions.yaml'), readFileSync(join(dir, 'questions.yaml'), 'utf8').replace('How old are you?', 'What is your age?'));
  assert.notEqual(loadClinicalContent(dir).version, before);
});

test('a licensed clinic can replace the risk topics wording, and only theirs', () => {
  const dir = copyContent();
  const file = join(dir, '..', 'wording.yaml');
  writeFileSync(file, 'questions:\n  bothersomeness:\n    text: "Licensed wording"\n');
  const c = loadClinicalContent(dir, { riskWordingFile: file });
  assert.equal(c.questions.find((q) => q.id === 'bothersomeness')?.text, 'Licensed wording');
  writeFileSync(file, 'questions:\n  age:\n    text: "Not allowed"\n');
  const problems = problemsOf(() => loadClinicalContent(dir, { riskWordingFile: file }));
  assert.ok(problems.some((p) => p.path === 'questions.age'));
});

test('refuses an emergency or urgent rule without a warning sign (principle 9)', () => {
  const dir = copyContent();
  const rules = readFileSync(join(dir, 'rules.yaml'), 'utf8');
  const start = rules.indexOf('  - id: E14');
  const warning = rules.indexOf('    warning:', start);
  const next = rules.indexOf('  - id: E15', start);
  writeFileSync(join(dir, 'rules.yaml'), rules.slice(0, warning) + rules.slice(next));
  const problems = problemsOf(() => loadClinicalContent(dir));
  assert.ok(problems.some((p) => p.message === 'emergency rule E14 has no warning sign'), JSON.stringify(problems));
});
