// Loads the education articles (Markdown with YAML front matter) and renders them to safe HTML.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ContentFileError, type ContentProblem } from './content-problem.js';
import { countWords, renderMarkdown, textBlocks } from './markdown.js';
import type { Placeholders } from './placeholders.js';
import { REFERENCE_ID } from './references.js';
import { TAGS, type Tag } from './tags.js';
import { zodProblems } from './zod-problems.js';
import { expandWarningSigns } from './warning-signs.js';
import type { ClinicalContent } from '../engine/types.js';

/** An article as loaded. Dates are calendar dates, "YYYY-MM-DD" (UK clinic days, no time). */
export interface Article {
  slug: string;
  title: string;
  summary: string;
  tags: readonly Tag[];
  published: string;
  /** Who wrote it, as a role (placeholders allowed), e.g. "Physiotherapy team, {{clinicName}}". */
  author: string;
  /** When a clinician last reviewed it (the date shown as "Page last reviewed"). */
  reviewed: string;
  /** The clinical reviewer's role, e.g. "Clinical lead physiotherapist". */
  reviewer: string;
  /** When the next clinical review is due; the content lint fails once it has passed. */
  nextReview: string;
  /** Reference ids into the reference list (see references.ts). */
  references: readonly string[];
  draft: boolean;
  /** Not published before this date. */
  scheduled?: string;
  /** Offered with a result only to people of this age or older (e.g. an article about arthritis). */
  minAge?: number;
  /** The body, without front matter, with warning-sign lists written from the rules. */
  markdown: string;
  /** The body as written, before the warning-sign directives are expanded (what the lint checks by hand). */
  handWritten: string;
  words: number;
  /** The file it came from. */
  file: string;
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A real calendar date written "YYYY-MM-DD". */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date in the form YYYY-MM-DD')
  .refine((s) => {
    const d = toDate(s);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a real calendar date');

const frontMatterSchema = z.strictObject({
  title: z.string().trim().min(1),
  slug: z.string().regex(SLUG, 'not a valid slug'),
  summary: z.string().trim().min(1),
  tags: z.array(z.enum(TAGS)).min(1),
  published: isoDate,
  author: z.string().trim().min(1),
  reviewed: isoDate,
  reviewer: z.string().trim().min(1),
  next_review: isoDate,
  references: z.array(z.string().regex(REFERENCE_ID, 'not a valid reference id')).min(1),
  draft: z.boolean().optional(),
  scheduled: isoDate.optional(),
  min_age: z.number().int().min(16).max(120).optional(),
});

const FIELDS = Object.keys(frontMatterSchema.shape);

const EXPECTED: Readonly<Record<string, string>> = {
  title: 'the title as text',
  slug: 'lowercase letters, digits and hyphens, equal to the file name without .md',
  summary: 'one plain sentence',
  tags: `a list of tags from: ${TAGS.join(', ')}`,
  published: 'a date as YYYY-MM-DD',
  author: 'who wrote it, as a role, e.g. "Physiotherapy team, {{clinicName}}"',
  reviewed: 'the date of the last clinical review, as YYYY-MM-DD',
  reviewer: "the clinical reviewer's role as text",
  next_review: 'the date the next clinical review is due, as YYYY-MM-DD',
  references: 'a list of reference ids from content/references*.yaml, e.g. [kawchuk-2015]',
  draft: 'true or false',
  scheduled: 'a date as YYYY-MM-DD',
  min_age: 'the youngest age the article is offered to with a result, e.g. 40 for an article about arthritis',
};

/** Front matter between `---` lines at the top of a Markdown file, then the body. */
export const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

/** A calendar date "YYYY-MM-DD" as the start of that day (UTC). */
export function toDate(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00Z`);
}

/** Parses one article file's text; returns the article or the problems found. */
export function parseArticle(file: string, source: string, clinical?: ClinicalContent): { article?: Article; problems: ContentProblem[] } {
  const match = FRONT_MATTER.exec(source);
  if (match === null) {
    return { problems: [{ file, path: '', message: 'no front matter found', expected: 'the file to start with YAML front matter between two "---" lines' }] };
  }
  let data: unknown;
  try {
    data = parse(match[1] ?? '', { schema: 'core' });
  } catch (err) {
    return { problems: [{ file, path: 'front matter', message: `YAML error: ${(err as Error).message}`, expected: 'valid YAML' }] };
  }
  const result = frontMatterSchema.safeParse(data ?? {}, { reportInput: true });
  if (!result.success) return { problems: zodProblems(file, result.error, EXPECTED, FIELDS) };
  const fm = result.data;
  const problems: ContentProblem[] = [];
  const expectedSlug = basename(file, '.md');
  if (fm.slug !== expectedSlug) {
    problems.push({ file, path: 'slug', message: `slug "${fm.slug}" does not match the file name`, expected: `"${expectedSlug}"` });
  }
  const duplicated = (list: readonly string[]): string[] => list.filter((v, i) => list.indexOf(v) !== i);
  for (const [field, list] of [['tags', fm.tags], ['references', fm.references]] as const) {
    for (const d of new Set(duplicated(list))) problems.push({ file, path: field, message: `"${d}" is listed twice`, expected: 'each entry once' });
  }
  const raw = match[2] ?? '';
  const { markdown, problems: directiveProblems } = expandWarningSigns(raw, clinical, file);
  problems.push(...directiveProblems);
  if (markdown.trim() === '') problems.push({ file, path: 'body', message: 'the article has no text', expected: 'Markdown after the front matter' });
  if (problems.length > 0) return { problems };
  const article: Article = {
    slug: fm.slug, title: fm.title, summary: fm.summary, tags: fm.tags, published: fm.published, author: fm.author,
    reviewed: fm.reviewed, reviewer: fm.reviewer, nextReview: fm.next_review, references: fm.references, draft: fm.draft ?? false,
    markdown, handWritten: raw, words: countWords(textBlocks(markdown).map((b) => b.text).join(' ')), file,
  };
  if (fm.scheduled !== undefined) article.scheduled = fm.scheduled;
  if (fm.min_age !== undefined) article.minAge = fm.min_age;
  return { article, problems };
}

/** Reads every article in the folder, returning those that are valid and every problem found. */
export function readArticles(dir = 'content/articles', clinical?: ClinicalContent): { articles: Article[]; problems: ContentProblem[] } {
  const articles: Article[] = [];
  const problems: ContentProblem[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
  for (const name of files) {
    const file = join(dir, name);
    const parsed = parseArticle(file, readFileSync(file, 'utf8'), clinical);
    problems.push(...parsed.problems);
    if (parsed.article !== undefined) articles.push(parsed.article);
  }
  articles.sort((a, b) => (a.published === b.published ? a.slug.localeCompare(b.slug) : b.published.localeCompare(a.published)));
  return { articles, problems };
}

/**
 * Loads every article (newest first, then by slug). Throws ContentFileError listing every
 * problem in every file, so a bad article stops the server from starting rather than vanishing.
 */
export function loadArticles(dir = 'content/articles', clinical?: ClinicalContent): Article[] {
  const { articles, problems } = readArticles(dir, clinical);
  if (problems.length > 0) throw new ContentFileError(problems);
  return articles;
}

/** Published: not a draft, its publication date has come, and so has its scheduled date if any. */
export function isPublished(article: Article, now: Date): boolean {
  if (article.draft) return false;
  if (toDate(article.published) > now) return false;
  return article.scheduled === undefined || toDate(article.scheduled) <= now;
}

/** The article body as safe HTML, with `{{name}}` placeholders filled from the clinic config. */
export function renderArticleHtml(article: Article, placeholders: Placeholders): string {
  return renderMarkdown(article.markdown, placeholders);
}
