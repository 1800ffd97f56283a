// Tests loading the reference list from the main file and the extra files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentFileError } from './content-problem.js';
import { loadReferences, referenceLink } from './references.js';

const ref = (id: string, extra = '') => `  - id: ${id}
    citation: "Someone A. A study. Journal. 2015;1:1-2."
    kind: study
    verified: true
${extra}`;

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'creak-refs-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('loads the main file and the extra files into one map', () => {
  const dir = dirWith({
    'references.yaml': `references:\n${ref('kawchuk-2015', '    doi: "10.1371/journal.pone.0119470"\n')}`,
    'references-extra-writer-a.yaml': `references:\n${ref('walker-2021', '    url: "https://example.org/x"\n')}`,
    'references-old.yaml': 'not: read',
  });
  const refs = loadReferences(dir);
  assert.deepEqual([...refs.keys()], ['kawchuk-2015', 'walker-2021']);
  const k = refs.get('kawchuk-2015');
  assert.ok(k);
  assert.equal(referenceLink(k), 'https://doi.org/10.1371/journal.pone.0119470');
  assert.equal(k.url, undefined);
  assert.equal(Object.hasOwn(k, 'url'), false);
});

test('duplicate ids across files are an error naming both files', () => {
  const dir = dirWith({
    'references.yaml': `references:\n${ref('kawchuk-2015')}`,
    'references-extra-b.yaml': `references:\n${ref('kawchuk-2015')}`,
  });
  assert.throws(() => loadReferences(dir), (err: unknown) => {
    assert.ok(err instanceof ContentFileError);
    assert.equal(err.problems.length, 1);
    assert.match(err.problems[0]?.message ?? '', /duplicate reference id "kawchuk-2015" \(already in .*references\.yaml\)/);
    assert.equal(err.problems[0]?.path, 'references.0.id');
    return true;
  });
});

test('bad entries are reported precisely; a missing main file is an error', () => {
  const bad = ref('Bad Id', '    doi: "https://doi.org/10.1/x"\n    pages: 3\n').replace('kind: study', 'kind: blog');
  const dir = dirWith({ 'references.yaml': `references:\n${bad}` });
  assert.throws(() => loadReferences(dir), (err: unknown) => {
    assert.ok(err instanceof ContentFileError);
    const byPath = new Map(err.problems.map((p) => [p.path, p]));
    assert.match(byPath.get('references.0.id')?.expected ?? '', /lowercase id/);
    assert.match(byPath.get('references.0.doi')?.expected ?? '', /no https:\/\/doi\.org/);
    assert.match(byPath.get('references.0.kind')?.expected ?? '', /study, review, guideline, pathway, clinic-policy/);
    assert.match(byPath.get('references.0')?.message ?? '', /unknown field\(s\): pages/);
    return true;
  });
  assert.throws(() => loadReferences(dirWith({})), /cannot read/);
});
