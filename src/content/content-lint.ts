// The content lint: articles, references, links, outcome↔article coverage, placeholders, readability, glossary, review dates.
import { join } from 'node:path';
import { LEVELS, type ClinicalContent, type Level } from '../engine/types.js';
import { adviceTexts, readAdvice, type Advice } from './advice.js';
import { reviewProblems } from './article-review.js';
import { isPublished, readArticles, type Article } from './articles.js';
import { withCheck, type LintProblem } from './lint-checks.js';
import { warningLine } from './safety-net.js';
import { lowerUrgencyProblems } from './safety-net-lint.js';
import { typedNumbers, unexplainedTerms } from './lint-text.js';
import { markdownLinks, rejectedLinks, textBlocks } from './markdown.js';
import { EXAMPLE_PLACEHOLDERS, PLACEHOLDER_NAMES, unknownPlaceholders } from './placeholders.js';
import { distribution, measure, median, type Distribution, type ReadabilityScore } from './readability.js';
import { readReferences } from './references.js';
import { isTag } from './tags.js';

/** Thresholds that fail the build (reading age about 11). */
export const THRESHOLDS = {
  /** Flesch reading ease of every article. */
  articleMinFre: 60,
  /** Median reading ease over all articles. */
  articleMinMedianFre: 65,
  /** Reading ease of each pooled set of short UI strings (questions, reasons, advice…). */
  uiMinFre: 60,
  /** Flesch–Kincaid grade of each pooled set of UI strings (grade 7 ≈ reading age 12). */
  uiMaxGrade: 7,
} as const;

export interface LintOptions {
  articlesDir: string;
  /** The content folder: references*.yaml and clinical/advice.yaml. */
  contentDir: string;
  /** The loaded clinical content; without it the outcome↔article checks are skipped (and said so). */
  clinical?: ClinicalContent;
  now: Date;
}

export interface LintResult {
  problems: LintProblem[];
  /** Problems that do not fail the lint yet (an article review due within 30 days). */
  warnings: LintProblem[];
  readability: { articles: ReadabilityScore[]; ui: ReadabilityScore[]; articleSummary: Distribution; uiSummary: Distribution };
  counts: { articles: number; published: number; words: number; references: number };
  /** Checks that could not run, with the reason. */
  skipped: string[];
  /** Cited references that could not be verified (each with a note saying why): reported, not hidden. */
  unverified: string[];
}

/** Text with placeholders replaced by example values, for measuring (unknown ones are reported elsewhere). */
function example(text: string): string {
  return text.replace(/\{\{\s*([A-Za-z]\w*)\s*\}\}/g, (m, name: string) => (EXAMPLE_PLACEHOLDERS as Record<string, string | undefined>)[name] ?? m);
}

function checkArticleText(a: Article, bySlug: ReadonlyMap<string, Article>, now: Date, problems: LintProblem[]): void {
  const file = a.file;
  for (const name of unknownPlaceholders(`${a.title}\n${a.summary}\n${a.author}\n${a.markdown}`)) {
    problems.push({ check: 'article.placeholder-unknown', file, path: 'body', message: `unknown placeholder {{${name}}}`, expected: `one of ${PLACEHOLDER_NAMES.map((n) => `{{${n}}}`).join(', ')}` });
  }
  const blocks = textBlocks(a.markdown);
  for (const b of blocks) {
    for (const n of typedNumbers(b.text)) {
      problems.push({ check: 'article.typed-number', file, path: `line ${b.line}`, message: `number "${n}" typed into the text`, expected: 'a placeholder such as {{emergencyNumber}}, {{urgentLine}} or {{clinicPhone}}' });
    }
  }
  for (const link of rejectedLinks(a.markdown)) {
    problems.push({ check: 'article.link-unsafe', file, path: `line ${link.line}`, message: `link to "${link.href}" was not rendered as a link (unsafe or malformed)`, expected: 'an https link, /articles/<slug>, /tags/<tag>, /check or {{bookingUrl}}' });
  }
  for (const link of markdownLinks(a.markdown)) checkLink(a, link.href, link.line, bySlug, now, problems);
  for (const t of unexplainedTerms(blocks)) {
    problems.push({ check: 'article.term-unexplained', file, path: `line ${t.line}`, message: `medical word "${t.term}" is not explained on first use: "${t.sentence}"`, expected: 'a plain explanation in the same sentence, e.g. "**crepitus** (a crunching feeling)" or "… — when …" or "… means …"' });
  }
}

function checkLink(a: Article, href: string, line: number, bySlug: ReadonlyMap<string, Article>, now: Date, problems: LintProblem[]): void {
  const problem = (message: string, expected: string, check: LintProblem['check'] = 'article.link-broken'): void => { problems.push({ check, file: a.file, path: `line ${line}`, message, expected }); };
  if (/^(?:https?:|mailto:|#)/i.test(href) || /^\{\{\s*bookingUrl\s*\}\}$/.test(href)) return;
  if (/^tel:/i.test(href)) { problem(`phone link "${href}" typed into the text`, 'a placeholder such as {{clinicPhone}}', 'article.typed-number'); return; }
  const path = href.replace(/[?#].*$/, '').replace(/\/$/, '');
  const article = /^\/articles\/([^/]+)$/.exec(path);
  if (article !== null) {
    const target = bySlug.get(article[1] ?? '');
    if (target === undefined) problem(`link to a missing article "${href}"`, `one of the article slugs: ${[...bySlug.keys()].join(', ')}`);
    else if (isPublished(a, now) && !isPublished(target, now)) problem(`link to "${href}", which is not published yet`, 'links only to published articles', 'article.link-unpublished');
    return;
  }
  const tag = /^\/tags\/([^/]+)$/.exec(path);
  if (tag !== null) {
    const t = tag[1] ?? '';
    if (!isTag(t)) problem(`link to an unknown tag "${href}"`, 'a tag from the tag vocabulary (src/content/tags.ts)');
    else if (![...bySlug.values()].some((x) => x.tags.includes(t))) problem(`link to tag "${t}", which no article has`, 'a tag used by at least one article');
    return;
  }
  if (path === '/check' || path === '/articles' || path === '') return;
  problem(`internal link "${href}" does not lead to a known page`, '/articles/<slug>, /tags/<tag>, /check or an https link');
}

function uiPools(clinical: ClinicalContent | undefined, advice: Advice | undefined): { name: string; texts: string[] }[] {
  const pools: { name: string; texts: string[] }[] = [];
  if (clinical !== undefined) {
    pools.push({
      name: 'clinical/questions.yaml (questions, hints, options)',
      texts: clinical.questions.flatMap((q) => [q.text, q.hint ?? '', ...(q.options ?? []).flatMap((o) => [o.label, o.hint ?? ''])]),
    });
    pools.push({ name: 'clinical/questions.yaml (statements and rechecks)', texts: clinical.questions.flatMap((q) => [q.label ?? '', q.clarify?.text ?? '', q.clarify?.hint ?? '']) });
    pools.push({ name: 'clinical/rules.yaml (outcome titles and reasons)', texts: clinical.rules.flatMap((r) => [r.title, r.reason]) });
    pools.push({ name: 'clinical/rules.yaml (safety-netting from the rules)', texts: clinical.rules.flatMap((r) => warningLine(clinical, r) ?? []) });
  }
  if (advice !== undefined) pools.push({ name: 'clinical/advice.yaml (outcome advice)', texts: adviceTexts(advice).map((t) => t.text) });
  return pools.map((p) => ({ name: p.name, texts: p.texts.filter((t) => t.trim() !== '').map(example) }));
}

/** The level a piece of advice is shown with: a level's own text, or a rule's note. */
function shownAt(clinical: ClinicalContent, path: string): { shownAt?: Level } {
  const [kind, key] = path.split('.');
  if (kind === 'levels' && (LEVELS as readonly string[]).includes(key ?? '')) return { shownAt: key as Level };
  const rule = kind === 'rules' ? clinical.rules.find((r) => r.id === key) : undefined;
  return rule === undefined ? {} : { shownAt: rule.level };
}

function checkClinical(clinical: ClinicalContent, articles: readonly Article[], advice: Advice | undefined, now: Date, problems: LintProblem[]): Set<string> {
  const file = 'content/clinical/rules.yaml';
  const published = articles.filter((a) => isPublished(a, now));
  const outcomeTags = new Set<string>();
  for (const rule of clinical.rules) {
    for (const t of rule.articleTags) {
      outcomeTags.add(t);
      if (!isTag(t)) problems.push({ check: 'outcome.tag-unknown', file, path: `${rule.id}.article_tags`, message: `unknown tag "${t}"`, expected: 'a tag from src/content/tags.ts' });
    }
    if (!published.some((a) => a.tags.some((t) => rule.articleTags.includes(t)))) {
      problems.push({ check: 'outcome.no-article', file, path: `${rule.id}.article_tags`, message: `rule ${rule.id} links to no published article (tags: ${rule.articleTags.join(', ') || 'none'})`, expected: 'at least one tag that a published article has' });
    }
  }
  for (const [region, r] of clinical.regions) {
    for (const t of r.tags) {
      outcomeTags.add(t);
      if (!isTag(t)) problems.push({ check: 'outcome.tag-unknown', file: 'content/clinical/regions.yaml', path: `regions.${region}.tags`, message: `unknown tag "${t}"`, expected: 'a tag from src/content/tags.ts' });
    }
  }
  const texts = [
    ...clinical.questions.flatMap((q) => [{ path: `questions.${q.id}`, text: `${q.text} ${q.hint ?? ''} ${(q.options ?? []).map((o) => `${o.label} ${o.hint ?? ''}`).join(' ')}` }]),
    ...clinical.rules.map((r) => ({ path: `rules.${r.id}`, text: `${r.title} ${r.reason}` })),
    ...clinical.rules.map((r) => ({ path: `rules.${r.id}.warning`, text: `${r.action ?? ''} ${r.warning?.text ?? ''}` })),
    ...clinical.questions.map((q) => ({ path: `questions.${q.id}.label`, text: `${q.label ?? ''} ${q.clarify?.text ?? ''} ${q.clarify?.hint ?? ''} ${q.clarify?.sign ?? ''}` })),
    ...Object.entries(clinical.levelActions).map(([l, t]) => ({ path: `level_actions.${l}`, text: t })),
  ];
  // Principle 9: no hand-written text may give a lower urgency for a warning sign than its rule.
  problems.push(...withCheck('content.lower-urgency', lowerUrgencyProblems(clinical, [
    ...published.map((a) => ({ file: a.file, path: 'body', text: a.handWritten })),
    ...clinical.rules.map((r) => ({ file, path: `rules.${r.id}.reason`, text: r.reason, shownAt: r.level })),
    ...(advice === undefined ? [] : adviceTexts(advice).map((t) => ({ file: advice.file, path: t.path, text: t.text, ...shownAt(clinical, t.path) }))),
  ])));
  for (const { path, text } of texts) {
    for (const name of unknownPlaceholders(text)) problems.push({ check: 'clinical.placeholder-unknown', file: 'content/clinical', path, message: `unknown placeholder {{${name}}}`, expected: 'one of the placeholders in src/content/placeholders.ts' });
    for (const n of typedNumbers(text)) problems.push({ check: 'clinical.typed-number', file: 'content/clinical', path, message: `number "${n}" typed into the text`, expected: 'a placeholder such as {{emergencyNumber}}' });
  }
  return outcomeTags;
}

/**
 * Checks all education and outcome content and measures its readability. Returns every problem
 * found (an empty list means clean); `npm test` and `creak lint` fail on any problem.
 */
export function lintContent(options: LintOptions): LintResult {
  const { articlesDir, contentDir, clinical, now } = options;
  const problems: LintProblem[] = [];
  const skipped: string[] = [];
  const { articles, problems: articleProblems } = readArticles(articlesDir, clinical);
  for (const p of articleProblems) problems.push({ check: 'article.front-matter', ...p });
  const { references, problems: refProblems } = readReferences(contentDir);
  problems.push(...withCheck('reference.list', refProblems));
  const { advice, problems: adviceProblems } = readAdvice(join(contentDir, 'clinical'));
  problems.push(...withCheck('advice.file', adviceProblems));
  const bySlug = new Map(articles.map((a) => [a.slug, a]));

  // References: every cited one exists and has been read and checked (principle 10: an unverified reference is
  // never shown to a person, so nothing published may cite it). Every verified one is used; an unverified one may
  // stay in the list, uncited, as the record of a source that could not be confirmed (its note says why).
  const used = new Set<string>();
  const unverified = new Set<string>();
  const cite = (file: string, path: string, id: string): void => {
    used.add(id);
    const ref = references.get(id);
    if (ref === undefined) problems.push({ check: 'reference.unknown', file, path, message: `reference "${id}" is not in the reference list`, expected: 'an id from content/references*.yaml' });
    else if (!ref.verified) problems.push({ check: 'reference.unverified-cited', file, path, message: `reference "${id}" is cited but not verified`, expected: 'only references that have been read and checked (verified: true), safety principle 10' });
  };
  for (const a of articles) a.references.forEach((id, i) => { cite(a.file, `references.${i}`, id); });
  for (const s of advice?.selfManagement ?? []) s.sources.forEach((id, i) => { cite(advice?.file ?? '', `self_management.${s.id}.sources.${i}`, id); });
  if (clinical !== undefined) {
    for (const r of clinical.rules) r.sources.forEach((id, i) => { cite('content/clinical/rules.yaml', `${r.id}.sources.${i}`, id); });
    clinical.riskScore.sources.forEach((id, i) => { cite('content/clinical/risk.yaml', `sources.${i}`, id); });
  } else {
    skipped.push('rule sources, outcome→article links and question readability: no clinical content given');
  }
  if (refProblems.length === 0) {
    for (const [id, ref] of references) {
      if (!ref.verified) {
        if ((ref.note ?? '').trim() === '') problems.push({ check: 'reference.unverified-without-note', file: join(contentDir, 'references*.yaml'), path: id, message: `unverified reference "${id}" has no note saying what could not be checked`, expected: 'a note explaining what could not be verified' });
        else unverified.add(`${id}: ${ref.note ?? ''}`);
        continue;
      }
      if (!used.has(id)) problems.push({ check: 'reference.uncited', file: join(contentDir, 'references*.yaml'), path: id, message: `reference "${id}" is not cited anywhere`, expected: 'each reference cited by an article, a rule or the advice (or removed)' });
    }
  }

  for (const a of articles) checkArticleText(a, bySlug, now, problems);
  const review = reviewProblems(articles, now);
  problems.push(...review.problems);

  // Every article is reachable: from an outcome (its tags) or from another article's link.
  if (clinical !== undefined) {
    const outcomeTags = checkClinical(clinical, articles, advice, now, problems);
    const linked = new Set<string>();
    for (const a of articles) {
      for (const l of markdownLinks(a.markdown)) {
        const m = /^\/articles\/([^/?#]+)/.exec(l.href);
        if (m !== null && m[1] !== a.slug) linked.add(m[1] ?? '');
        const t = /^\/tags\/([^/?#]+)/.exec(l.href);
        if (t !== null) for (const b of articles) if (b !== a && b.tags.includes(t[1] as never)) linked.add(b.slug);
      }
    }
    for (const a of articles) {
      if (!a.tags.some((t) => outcomeTags.has(t)) && !linked.has(a.slug)) {
        problems.push({ check: 'article.unreachable', file: a.file, path: 'tags', message: `article "${a.slug}" is not reachable from any outcome or from another article`, expected: 'a tag that an outcome links to, or a link from another article' });
      }
    }
  }

  // Readability: each article, and pooled UI strings per file.
  const articleScores = articles.map((a) => measure(a.slug, textBlocks(example(a.markdown)).map((b) => b.text)));
  for (const s of articleScores) {
    if (s.fre < THRESHOLDS.articleMinFre) {
      problems.push({ check: 'article.readability', file: bySlug.get(s.name)?.file ?? s.name, path: 'body', message: `reading ease ${s.fre} (grade ${s.grade}) is below ${THRESHOLDS.articleMinFre}`, expected: 'shorter sentences and everyday words' });
    }
  }
  const medianFre = median(articleScores.map((s) => s.fre));
  if (articleScores.length > 0 && medianFre < THRESHOLDS.articleMinMedianFre) {
    problems.push({ check: 'article.readability', file: articlesDir, path: '', message: `median reading ease ${medianFre} is below ${THRESHOLDS.articleMinMedianFre}`, expected: 'plainer articles overall' });
  }
  const uiScores = uiPools(clinical, advice).map((p) => measure(p.name, p.texts));
  for (const s of uiScores) {
    if (s.fre < THRESHOLDS.uiMinFre || s.grade > THRESHOLDS.uiMaxGrade) {
      problems.push({ check: 'ui.readability', file: `content/${s.name}`, path: '', message: `pooled reading ease ${s.fre}, grade ${s.grade}`, expected: `reading ease ≥ ${THRESHOLDS.uiMinFre} and grade ≤ ${THRESHOLDS.uiMaxGrade}` });
    }
  }

  return {
    problems,
    warnings: review.warnings,
    readability: { articles: articleScores, ui: uiScores, articleSummary: distribution(articleScores), uiSummary: distribution(uiScores) },
    counts: {
      articles: articles.length,
      published: articles.filter((a) => isPublished(a, now)).length,
      words: articles.reduce((n, a) => n + a.words, 0),
      references: references.size,
    },
    skipped,
    unverified: [...unverified],
  };
}
