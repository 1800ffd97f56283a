// The blog's logic: which articles are published now, pages of the index, related articles, structured data.
import { isPublished, type Article } from '../content/articles.js';
import type { Reference } from '../content/references.js';
import { absoluteUrl, type Site } from './site.js';

export const PAGE_SIZE = 10;

/** Published articles (drafts and scheduled ones hidden until their date), newest first. */
export function publishedArticles(articles: readonly Article[], now: Date): Article[] {
  return articles.filter((a) => isPublished(a, now));
}

export interface IndexPage {
  page: number;
  pages: number;
  items: readonly Article[];
}

/** One page of the index, or undefined if there is no such page (page 1 always exists). */
export function indexPage(published: readonly Article[], page: number): IndexPage | undefined {
  const pages = Math.max(1, Math.ceil(published.length / PAGE_SIZE));
  if (!Number.isInteger(page) || page < 1 || page > pages) return undefined;
  return { page, pages, items: published.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
}

/** Up to `limit` other published articles sharing the most tags with this one. */
export function relatedArticles(article: Article, published: readonly Article[], limit = 3): Article[] {
  const tags = new Set<string>(article.tags);
  return published
    .filter((a) => a.slug !== article.slug)
    .map((a) => ({ a, shared: a.tags.filter((t) => tags.has(t)).length }))
    .filter((x) => x.shared > 0)
    .sort((x, y) => y.shared - x.shared || y.a.published.localeCompare(x.a.published))
    .slice(0, limit)
    .map((x) => x.a);
}

/** Published articles carrying any of these tags, best match first (used for results' "read more"). */
export function articlesForTags(tags: readonly string[], published: readonly Article[], limit = 4): Article[] {
  const wanted = new Set(tags);
  return published
    .map((a) => ({ a, shared: a.tags.filter((t) => wanted.has(t)).length }))
    .filter((x) => x.shared > 0)
    .sort((x, y) => y.shared - x.shared || x.a.slug.localeCompare(y.a.slug))
    .slice(0, limit)
    .map((x) => x.a);
}

/** schema.org MedicalWebPage for an article, with its review date and reviewer. */
export function articleJsonLd(site: Site, article: Article, references: readonly Reference[]): Record<string, unknown> {
  const url = absoluteUrl(site, `/articles/${article.slug}`);
  const clinic = { '@type': 'MedicalClinic', name: site.config.clinic.name, url: absoluteUrl(site, '/') };
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    '@id': url,
    url,
    name: article.title,
    headline: article.title,
    description: article.summary,
    inLanguage: 'en-GB',
    datePublished: article.published,
    dateModified: article.reviewed,
    lastReviewed: article.reviewed,
    reviewedBy: { '@type': 'Person', jobTitle: article.reviewer, worksFor: clinic },
    publisher: clinic,
    audience: { '@type': 'PeopleAudience', audienceType: 'Patient' },
    keywords: article.tags.join(', '),
    citation: references.map((r) => r.citation),
    isPartOf: { '@type': 'WebSite', name: site.config.clinic.name, url: absoluteUrl(site, '/') },
  };
}
