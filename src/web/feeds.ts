// Machine-readable views of the site: the Atom feed, sitemap.xml and robots.txt.
import { Feed } from 'feed';
import { toDate, type Article } from '../content/articles.js';
import { tagLabel } from './format.js';
import { absoluteUrl, type Site } from './site.js';

/** Atom 1.0 feed of published articles, with their full (safe) HTML. */
export function atomFeed(site: Site, published: readonly Article[], htmlOf: (a: Article) => string): string {
  const updated = published.reduce((d, a) => (a.reviewed > d ? a.reviewed : d), published.reduce((d, a) => (a.published > d ? a.published : d), '2026-01-01'));
  const feed = new Feed({
    id: absoluteUrl(site, '/articles'),
    title: `${site.config.clinic.name}: articles`,
    description: 'Plain-English articles about joint noises, back pain and when to get help.',
    link: absoluteUrl(site, '/articles'),
    language: 'en-GB',
    updated: toDate(updated),
    generator: false,
    feedLinks: { atom: absoluteUrl(site, '/feed.xml') },
    author: { name: site.config.clinic.name, link: absoluteUrl(site, '/') },
    copyright: `© ${site.config.clinic.name}`,
  });
  for (const a of published) {
    feed.addItem({
      title: a.title,
      id: absoluteUrl(site, `/articles/${a.slug}`),
      link: absoluteUrl(site, `/articles/${a.slug}`),
      description: a.summary,
      content: htmlOf(a),
      date: toDate(a.reviewed > a.published ? a.reviewed : a.published),
      published: toDate(a.published),
      category: a.tags.map((t) => ({ term: t, name: tagLabel(t) })),
    });
  }
  return feed.atom1();
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * sitemap.xml: the pages search engines may index: the home, information and article pages. The check's pages are
 * noindex (they hold a person's answers), so none of them is listed.
 */
export function sitemap(site: Site, published: readonly Article[], indexPages: number): string {
  const entries: { path: string; lastmod?: string }[] = [
    { path: '/' }, { path: '/articles' }, { path: '/accessibility' }, { path: '/privacy' },
  ];
  for (let p = 2; p <= indexPages; p++) entries.push({ path: `/articles?page=${p}` });
  for (const tag of [...new Set(published.flatMap((a) => a.tags))].sort()) entries.push({ path: `/articles/tag/${tag}` });
  for (const a of published) entries.push({ path: `/articles/${a.slug}`, lastmod: a.reviewed });
  const urls = entries.map((e) =>
    `<url><loc>${xmlEscape(absoluteUrl(site, e.path))}</loc>${e.lastmod === undefined ? '' : `<lastmod>${e.lastmod}</lastmod>`}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** robots.txt: the blog is open; the check, the API and the clinic pages are not for crawlers. */
export function robotsTxt(site: Site): string {
  return [
    'User-agent: *',
    'Disallow: /check/',
    'Disallow: /api/',
    'Disallow: /send/',
    'Disallow: /clinic/',
    'Allow: /',
    `Sitemap: ${absoluteUrl(site, '/sitemap.xml')}`,
    '',
  ].join('\n');
}
