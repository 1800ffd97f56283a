// Tests loading, validating, publishing and rendering articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPublished, loadArticles, parseArticle, readArticles, renderArticleHtml } from './articles.js';
import { ContentFileError } from './content-problem.js';
import { EXAMPLE_PLACEHOLDERS } from './placeholders.js';

const front = (extra = '', slug = 'why-backs-crack') => `---
title: "Why does my back crack?"
slug: ${slug}
summary: "What the noise is."
tags: [back, cracking]
published: 2026-11-02
author: "Physiotherapy team, {{clinicName}}"
reviewed: 2026-11-20
reviewer: "Clinical lead physiotherapist"
next_review: 2027-11-20
references: [kawchuk-2015]
${extra}---
## What it is

A crack is a gas bubble. Call {{emergencyNumber}} if you cannot move your legs.
`;

test('a valid article loads with its fields and word count', () => {
  const { article, problems } = parseArticle('content/articles/why-backs-crack.md', front());
  assert.deepEqual(problems, []);
  assert.ok(article);
  assert.equal(article.slug, 'why-backs-crack');
  assert.deepEqual(article.tags, ['back', 'cracking']);
  assert.equal(article.published, '2026-11-02');
  assert.equal(article.author, 'Physiotherapy team, {{clinicName}}');
  assert.equal(article.reviewer, 'Clinical lead physiotherapist');
  assert.equal(article.reviewed, '2026-11-20');
  assert.equal(article.nextReview, '2027-11-20');
  assert.equal(article.draft, false);
  assert.equal(article.scheduled, undefined);
  assert.equal(article.words, 3 + 14);
  assert.match(renderArticleHtml(article, EXAMPLE_PLACEHOLDERS), /<h2>What it is<\/h2>[\s\S]*Call 999 if/);
});

test('front matter problems name the file, the field, the fault and what is expected', () => {
  const source = front('colour: red\n').replace('tags: [back, cracking]', 'tags: [back, crunching]')
    .replace('published: 2026-11-02', 'published: 2026-02-30').replace('reviewer: "Clinical lead physiotherapist"\n', '');
  const { article, problems } = parseArticle('a/why-backs-crack.md', source);
  assert.equal(article, undefined);
  const byPath = new Map(problems.map((p) => [p.path, p]));
  assert.equal(byPath.get('tags.1')?.file, 'a/why-backs-crack.md');
  assert.match(byPath.get('tags.1')?.expected ?? '', /snapping-hip/);
  assert.match(byPath.get('published')?.message ?? '', /calendar date/);
  assert.match(byPath.get('reviewer')?.message ?? '', /missing required field "reviewer"/);
  assert.match(byPath.get('')?.message ?? '', /unknown field\(s\): colour/);
  assert.equal(problems.length, 4);
});

test('an article without an author or a next-review date is refused, naming the field', () => {
  const source = front().replace('author: "Physiotherapy team, {{clinicName}}"\n', '').replace('next_review: 2027-11-20', 'next_review: 2027-13-01');
  const byPath = new Map(parseArticle('a/why-backs-crack.md', source).problems.map((p) => [p.path, p]));
  assert.match(byPath.get('author')?.message ?? '', /missing required field "author"/);
  assert.match(byPath.get('next_review')?.message ?? '', /not a date|calendar date/);
  assert.match(byPath.get('next_review')?.expected ?? '', /next clinical review/);
});

test('slug must match the file name; duplicates and missing front matter are reported', () => {
  assert.match(parseArticle('x/other.md', front()).problems[0]?.message ?? '', /does not match the file name/);
  const dup = parseArticle('x/why-backs-crack.md', front().replace('[back, cracking]', '[back, back]'));
  assert.match(dup.problems[0]?.message ?? '', /"back" is listed twice/);
  assert.match(parseArticle('x/a.md', '# no front matter').problems[0]?.expected ?? '', /YAML front matter/);
  assert.match(parseArticle('x/a.md', '---\ntitle: [\n---\nx').problems[0]?.message ?? '', /YAML error/);
});

test('isPublished honours draft, publication date and scheduled date', () => {
  const a = parseArticle('x/why-backs-crack.md', front('scheduled: 2027-01-10\n')).article;
  const d = parseArticle('x/why-backs-crack.md', front('draft: true\n')).article;
  const p = parseArticle('x/why-backs-crack.md', front()).article;
  assert.ok(a && d && p);
  assert.equal(isPublished(p, new Date('2026-11-01T23:59:59Z')), false);
  assert.equal(isPublished(p, new Date('2026-11-02T00:00:00Z')), true);
  assert.equal(isPublished(d, new Date('2030-01-01')), false);
  assert.equal(isPublished(a, new Date('2026-12-01')), false);
  assert.equal(isPublished(a, new Date('2027-01-10T00:00:00Z')), true);
});

test('loadArticles sorts newest first and throws listing every bad file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'creak-articles-'));
  writeFileSync(join(dir, 'why-backs-crack.md'), front());
  writeFileSync(join(dir, 'sciatica.md'), front('', 'sciatica').replace('2026-11-02', '2026-11-05'));
  writeFileSync(join(dir, 'notes.txt'), 'ignored');
  assert.deepEqual(loadArticles(dir).map((a) => a.slug), ['sciatica', 'why-backs-crack']);
  writeFileSync(join(dir, 'bad.md'), front('', 'bad').replace('summary: "What the noise is."\n', ''));
  writeFileSync(join(dir, 'worse.md'), 'nothing');
  assert.throws(() => loadArticles(dir), (err: unknown) => {
    assert.ok(err instanceof ContentFileError);
    assert.deepEqual(err.problems.map((p) => p.file), [join(dir, 'bad.md'), join(dir, 'worse.md')]);
    return true;
  });
  assert.equal(readArticles(dir).articles.length, 2);
});
