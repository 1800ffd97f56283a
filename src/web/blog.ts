// The blog's logic: which articles are published now, pages of the index, related articles, structured data.
import { isPublished, type Article } from '../content/articles.js';
import { isRegionTag } from '../content/tags.js';
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

/** Who a result is for: enough to choose articles that fit the person (region, age, a replaced joint, surgery). */
export interface Reader {
  /** The tags of the person's body region (content/clinical/regions.yaml). */
  regionTags: readonly string[];
  age?: number | undefined;
  replacedJoint: boolean;
  hadSurgery: boolean;
  /** Tags of the rules that fired, by level: the topics of warning signs (soon and above) may cross regions. */
  ruleTags: readonly string[];
  warningTags: readonly string[];
}

/**
 * Up to `limit` published articles for a result: about the person's region or about no region in particular, never
 * another body part unless it is the topic of a warning sign they have (a knee with back-related leg pain gets the
 * cauda equina card); never about a replaced joint or an operation they have not had; never below an article's
 * minimum age. Best match first.
 */
export function articlesForReader(reader: Reader, published: readonly Article[], limit = 4): Article[] {
  const wanted = new Set([...reader.regionTags, ...reader.ruleTags]);
  const warning = new Set(reader.warningTags);
  const region = new Set(reader.regionTags);
  return published
    .filter((a) => {
      const regions = a.tags.filter((t) => isRegionTag(t));
      const fitsRegion = regions.length === 0 || regions.some((t) => region.has(t)) || a.tags.some((t) => !isRegionTag(t) && warning.has(t));
      if (!fitsRegion) return false;
      if (a.tags.includes('replaced-joint') && !reader.replacedJoint) return false;
      if (a.tags.includes('after-surgery') && !reader.hadSurgery) return false;
      return a.minAge === undefined || reader.age === undefined || reader.age >= a.minAge;
    })
    .map((a) => ({ a, shared: a.tags.filter((t) => wanted.has(t)).length, local: a.tags.some((t) => region.has(t)) ? 1 : 0 }))
    .filter((x) => x.shared > 0)
    .sort((x, y) => y.shared - x.shared || y.local - x.local || x.a.slug.localeCompare(y.a.slug))
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
