// Runs the content lint on the repository's real content (fails on any problem) and on bad fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClinicalContent, RuleDef } from '../engine/types.js';
import { loadClinicalContent } from './clinical-loader.js';
import { formatProblem } from './content-problem.js';
import { lintContent, THRESHOLDS, type LintResult } from './content-lint.js';
import type { ReadabilityScore } from './readability.js';

function report(r: LintResult): string {
  const line = (s: ReadabilityScore): string => `${s.name}: reading ease ${s.fre}, grade ${s.grade}, ${s.words} words`;
  const a = r.readability.articleSummary;
  const u = r.readability.uiSummary;
  return [
    `content: ${r.counts.articles} articles (${r.counts.published} published), ${r.counts.words} words, ${r.counts.references} references`,
    `articles: median reading ease ${a.medianFre}, median grade ${a.medianGrade}; worst ${a.worstFre ? line(a.worstFre) : '-'}`,
    `UI text (pooled per file): median reading ease ${u.medianFre}, median grade ${u.medianGrade}; worst ${u.worstFre ? line(u.worstFre) : '-'}`,
    ...r.readability.articles.map((s) => `  ${line(s)}`),
    ...r.readability.ui.map((s) => `  ${line(s)}`),
    ...r.skipped.map((s) => `skipped: ${s}`),
    ...r.unverified.map((u) => `unverified reference (not cited, kept as a record): ${u}`),
  ].join('\n');
}

test('the repository content passes the content lint', () => {
  const clinical = loadClinicalContent('content/clinical');
  // A fixed day, so that the test does not change with the calendar: `creak lint` and `creak safety-case` judge review dates by the real one.
  const result = lintContent({ articlesDir: 'content/articles', contentDir: 'content', now: new Date('2026-11-30T12:00:00Z'), clinical });
  console.log(report(result));
  assert.ok(result.counts.articles > 0, 'no articles found');
  assert.deepEqual(result.problems.map(formatProblem), []);
  assert.deepEqual(result.warnings.map(formatProblem), []);
});

// ---- fixtures: the lint must be able to fail

const goodArticle = (slug: string, body: string, extra = ''): string => `---
title: "A title"
slug: ${slug}
summary: "A summary."
tags: [knee, joint-noises]
published: 2026-01-01
author: "Physiotherapy team, {{clinicName}}"
reviewed: 2026-01-02
reviewer: "Physiotherapist"
next_review: 2027-01-02
references: [ref-a]
${extra}---
${body}
`;

const plainBody = 'Your knee can make a noise when you bend it. This is very common. It does not mean harm. You can keep on doing what you like to do. Go for a walk each day. See [the other page](/articles/other) and [do the check](/check).';

function fixture(files: Record<string, string>, refs = ['ref-a']): { articlesDir: string; contentDir: string } {
  const contentDir = mkdtempSync(join(tmpdir(), 'creak-lint-'));
  const articlesDir = join(contentDir, 'articles');
  mkdirSync(articlesDir);
  mkdirSync(join(contentDir, 'clinical'));
  cpSync('content/clinical/advice.yaml', join(contentDir, 'clinical', 'advice.yaml'));
  const adviceRefs = ['kawchuk-2015', 'unsworth-1971', 'deweber-2011', 'clinic-policy', 'nice-ng59', 'nice-cks-neck-pain', 'sdcep-2013', 'young-2015', 'nice-ng226'];
  const entries = [...refs, ...adviceRefs].map((id) => `  - {id: ${id}, citation: "A. B. C. 2020.", kind: study, verified: ${id === 'ref-unverified' ? 'false' : 'true'}}`);
  writeFileSync(join(contentDir, 'references.yaml'), `references:\n${entries.join('\n')}\n`);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(articlesDir, name), text);
  return { articlesDir, contentDir };
}

const now = new Date('2026-06-01');

test('a clean fixture passes', () => {
  const dirs = fixture({ 'one.md': goodArticle('one', plainBody), 'other.md': goodArticle('other', plainBody.replace('/articles/other', '/articles/one')) });
  assert.deepEqual(lintContent({ ...dirs, now }).problems.map(formatProblem), []);
});

test('the lint reports references, links, numbers, placeholders and medical words', () => {
  const body = `${plainBody} Call 999 or ring {{clinicFax}}. See [x](/articles/missing), [y](/tags/elbow), [z](/tags/nope), [w](/about), [v](javascript:alert(1)) and [u](/articles/later). You may have **crepitus** in the knee. Doctors call it osteoarthritis when it wears.`;
  const dirs = fixture({
    'one.md': goodArticle('one', body).replace('references: [ref-a]', 'references: [ref-a, ref-missing, ref-unverified]'),
    'later.md': goodArticle('later', plainBody.replace('/articles/other', '/articles/one'), 'scheduled: 2027-01-01\n'),
  }, ['ref-a', 'ref-unused', 'ref-unverified']);
  const messages = lintContent({ ...dirs, now }).problems.map((p) => p.message);
  const expected = [
    /reference "ref-missing" is not in the reference list/, /reference "ref-unverified" is cited but not verified/,
    /reference "ref-unused" is not cited anywhere/, /number "999" typed/, /unknown placeholder \{\{clinicFax\}\}/,
    /missing article "\/articles\/missing"/, /tag "elbow", which no article has/, /unknown tag "\/tags\/nope"/,
    /internal link "\/about"/, /was not rendered as a link/, /"\/articles\/later", which is not published yet/,
    /medical word "crepitus" is not explained/,
  ];
  for (const re of expected) assert.ok(messages.some((m) => re.test(m)), `expected ${String(re)} in:\n${messages.join('\n')}`);
  assert.ok(!messages.some((m) => /osteoarthritis/.test(m)), '"Doctors call it osteoarthritis" explains the word');
});

test('hard-to-read articles fail the readability threshold', () => {
  const hard = 'Notwithstanding considerable interindividual heterogeneity, radiographic characterisation of degenerative musculoskeletal abnormalities frequently demonstrates inconsistent correlation with symptomatology, necessitating comprehensive multidisciplinary evaluation incorporating biopsychosocial determinants. '.repeat(5);
  const dirs = fixture({ 'one.md': goodArticle('one', hard) });
  const result = lintContent({ ...dirs, now });
  const score = result.readability.articles[0];
  assert.ok(score !== undefined && score.fre < THRESHOLDS.articleMinFre);
  assert.ok(result.problems.some((p) => /reading ease .* is below 60/.test(p.message)));
  assert.ok(result.problems.some((p) => /median reading ease/.test(p.message)));
});

test('with clinical content: every rule links to an article and every article is reachable', () => {
  const rule = (id: string, tags: string[]): RuleDef => ({
    id, level: 'routine', title: 'Knee noise', reason: 'Your knee makes a noise.', when: { kind: 'true', finding: 'x' }, sources: ['ref-a'], articleTags: tags,
  });
  const clinical: ClinicalContent = {
    version: 'test', findings: new Map(), questions: [{ id: 'q', kind: 'boolean', findings: ['x'], text: 'Does your knee click?', unknownAllowed: true }],
    rules: [rule('R1', ['joint-noises']), rule('R9', ['jaw'])], definitions: new Map(), lists: new Map(),
    riskScore: { items: [], psychosocial: [], bothersome: { finding: 'b', values: [] }, appliesWhen: { kind: 'true', finding: 'x' }, sources: [] },
    derivations: [], regions: new Map([['knee', { tags: ['knee'] }]]), minimumAge: 16,
    levelActions: { emergency: 'call {{emergencyNumber}}', urgent: 'get help today', soon: 'see a GP', routine: 'book physio', self_care: 'look after it' },
  };
  const lonely = goodArticle('lonely', plainBody.replace('/articles/other', '/check')).replace('tags: [knee, joint-noises]', 'tags: [elbow]');
  const dirs = fixture({ 'one.md': goodArticle('one', plainBody.replace('/articles/other', '/check')), 'lonely.md': lonely });
  const messages = lintContent({ ...dirs, clinical, now }).problems.map((p) => p.message);
  assert.ok(messages.some((m) => /rule R9 links to no published article/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /article "lonely" is not reachable/.test(m)), messages.join('\n'));
  assert.ok(!messages.some((m) => /R1 links/.test(m)));
});

test('with the clinical content: a hand-written paragraph that plays a warning sign down fails (principle 9)', () => {
  const clinical = loadClinicalContent('content/clinical');
  const played = `${plainBody}\n\nA change in your sex life can be a sign too. For example, less feeling in your genitals. See your GP or physio within a few days.\n`;
  const hotJoint = `${plainBody}\n\n- Get help today from {{urgentLine}} if the joint becomes hot, red or swollen, especially with a high temperature.\n`;
  const fine = `${plainBody}\n\n::: warning-signs E1 U15\n`;
  const dirs = fixture({ 'one.md': goodArticle('one', played), 'two.md': goodArticle('two', hotJoint), 'other.md': goodArticle('other', fine) });
  const problems = lintContent({ ...dirs, now, clinical }).problems.filter((p) => /lower urgency/.test(p.message));
  assert.ok(problems.some((p) => p.file.endsWith('one.md') && /rule E1 \(emergency\)/.test(p.message)), problems.map(formatProblem).join('\n'));
  assert.ok(problems.some((p) => p.file.endsWith('two.md') && /rule E10 \(emergency\)/.test(p.message)), problems.map(formatProblem).join('\n'));
  assert.ok(!problems.some((p) => p.file.endsWith('other.md')), 'the directive writes each rule\'s own urgency');
});

test('with the clinical content: a warning-signs directive must name rules with a warning or a region', () => {
  const clinical = loadClinicalContent('content/clinical');
  const dirs = fixture({ 'one.md': goodArticle('one', `${plainBody}\n\n::: warning-signs E1 C1 elbowz\n`) });
  const messages = lintContent({ ...dirs, now, clinical }).problems.map((p) => p.message);
  assert.ok(messages.some((m) => /names "C1", which is not a rule with a warning sign/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /names "elbowz"/.test(m)), messages.join('\n'));
});

test('article reviews: a warning within 30 days of the next review, a failure once it has passed (fixed clock)', () => {
  const dirs = fixture({
    'one.md': goodArticle('one', plainBody).replace('next_review: 2027-01-02', 'next_review: 2026-06-20'),
    'other.md': goodArticle('other', plainBody.replace('/articles/other', '/articles/one')).replace('next_review: 2027-01-02', 'next_review: 2026-05-31'),
  });
  const result = lintContent({ ...dirs, now });
  assert.deepEqual(result.warnings.map((w) => [w.check, w.path, w.message]), [['article.review-due-soon', 'next_review', 'clinical review due on 2026-06-20 (in 19 days)']]);
  assert.deepEqual(result.problems.map((p) => [p.check, p.message]), [['article.review-overdue', 'clinical review overdue: it was due on 2026-05-31 (1 days ago)']]);
  assert.match(result.problems[0]?.file ?? '', /other\.md$/);
  const onTheDay = lintContent({ ...dirs, now: new Date('2026-05-31T23:00:00Z') });
  assert.deepEqual(onTheDay.problems, [], 'due today is not yet overdue');
  assert.equal(onTheDay.warnings.length, 2);
  const later = lintContent({ ...dirs, now: new Date('2026-04-01T00:00:00Z') });
  assert.deepEqual([later.problems, later.warnings], [[], []], 'more than 30 days ahead: nothing to report');
});

test('a next review on or before the last review is a problem', () => {
  const dirs = fixture({
    'one.md': goodArticle('one', plainBody.replace('/articles/other', '/check')).replace('next_review: 2027-01-02', 'next_review: 2026-01-02'),
  });
  assert.deepEqual(lintContent({ ...dirs, now }).problems.map((p) => p.check), ['article.review-dates']);
});
