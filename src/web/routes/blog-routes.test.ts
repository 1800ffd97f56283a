// HTTP tests for the home page, the blog, feeds and the plain information pages.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../content/articles.js';
import { makeLibrary } from '../library.js';
import { seeded, testApp } from '../../server/test-support.js';

const app = testApp({ now: () => new Date('2026-12-01T12:00:00Z') });
after(() => app.close());

test('the home page, accessibility statement and privacy notice render', async () => {
  for (const [url, text] of [['/', 'Start now'], ['/accessibility', 'Accessibility statement'], ['/privacy', 'we do not keep your answers']] as const) {
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 200, url);
    assert.match(res.headers['content-type'] as string, /^text\/html/);
    assert.ok(res.body.includes(text), `${url} shows "${text}"`);
    assert.match(res.body, /href="tel:999"/);
  }
});

test('the article index, a tag page and an article render with their metadata', async () => {
  const index = await app.inject({ url: '/articles' });
  assert.equal(index.statusCode, 200);
  const pages = [index.body];
  if (index.body.includes('rel="next"')) pages.push((await app.inject({ url: '/articles?page=2' })).body);
  assert.ok(pages.some((p) => p.includes('href="/articles/why-backs-crack"')));
  assert.ok((index.body.match(/<li><h2>/g) ?? []).length <= 10, 'ten articles a page at most');
  const tag = await app.inject({ url: '/articles/tag/knee' });
  assert.equal(tag.statusCode, 200);
  assert.match(tag.body, /<h1>Articles about knee<\/h1>/);
  const article = await app.inject({ url: '/articles/why-backs-crack' });
  assert.equal(article.statusCode, 200);
  const body = article.body;
  assert.match(body, /<link rel="canonical" href="http:\/\/localhost:3000\/articles\/why-backs-crack"/);
  assert.match(body, /<meta property="og:type" content="article"/);
  assert.match(body, /Written by Physiotherapy team, Riverside Physiotherapy\.\s+Checked by our clinical lead physiotherapist\./);
  assert.match(body, /Page last reviewed: <time datetime="2026-11-20">20 November 2026<\/time><br\/?>\s*Next review due: <time datetime="2027-11-20">20 November 2027<\/time>/);
  assert.match(body, /<h2>Sources<\/h2>/);
  assert.match(body, /<h2>Related articles<\/h2>/);
  const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(body);
  assert.ok(ld?.[1] !== undefined);
  const data = JSON.parse(ld[1]) as Record<string, unknown>;
  assert.equal(data['@type'], 'MedicalWebPage');
  assert.equal(data.lastReviewed, '2026-11-20');
  assert.deepEqual((data.reviewedBy as Record<string, unknown>).jobTitle, 'Clinical lead physiotherapist');
});

test('unknown articles, tags and index pages are 404 pages', async () => {
  for (const url of ['/articles/no-such-article', '/articles/tag/elbow-noise', '/articles?page=99', '/articles?page=abc', '/articles?page=0']) {
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 404, url);
    assert.match(res.body, /Page not found/);
  }
  const one = await app.inject({ url: '/articles?page=1' });
  assert.equal(one.statusCode, 301);
  assert.equal(one.headers.location, '/articles');
});

test('the Atom feed, sitemap and robots.txt list published articles', async () => {
  const feed = await app.inject({ url: '/feed.xml' });
  assert.equal(feed.statusCode, 200);
  assert.match(feed.headers['content-type'] as string, /^application\/atom\+xml/);
  assert.match(feed.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  assert.match(feed.body, /http:\/\/localhost:3000\/articles\/why-backs-crack/);
  const map = await app.inject({ url: '/sitemap.xml' });
  assert.match(map.body, /<loc>http:\/\/localhost:3000\/articles\/why-backs-crack<\/loc><lastmod>2026-11-20<\/lastmod>/);
  const robots = await app.inject({ url: '/robots.txt' });
  assert.match(robots.body, /Sitemap: http:\/\/localhost:3000\/sitemap.xml/);
  assert.match(robots.body, /Disallow: \/api\//);
});

test('the sitemap lists only pages that may be indexed: each answers 200 without a noindex', async () => {
  const map = await app.inject({ url: '/sitemap.xml' });
  const urls = [...map.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname + new URL(m[1] ?? '').search);
  assert.ok(urls.length > 10);
  for (const url of urls) {
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 200, url);
    assert.doesNotMatch(res.body, /<meta name="robots" content="noindex/, `${url} is noindex, so it is not in the sitemap`);
  }
});

test('the home page says what to do when answering for someone else', async () => {
  const home = await app.inject({ url: '/' });
  assert.match(home.body, /<h2>If you are answering for someone else<\/h2>/);
  assert.match(home.body, /Answer the questions as they would/);
});

test('drafts and scheduled articles stay hidden until their date', async () => {
  const s = seeded();
  const make = (slug: string, extra: string) => {
    const source = `---\ntitle: "T ${slug}"\nslug: ${slug}\nsummary: "S."\ntags: [knee]\npublished: 2026-11-01\nauthor: "Physio team"\nreviewed: 2026-11-01\nreviewer: "Physio"\nnext_review: 2027-11-01\nreferences: [mccoy-1987]\n${extra}---\nSome text.\n`;
    const parsed = parseArticle(`${slug}.md`, source);
    assert.ok(parsed.article, JSON.stringify(parsed.problems));
    return parsed.article;
  };
  const articles = [make('a-draft', 'draft: true\n'), make('a-later', 'scheduled: 2027-01-10\n'), make('a-now', '')];
  const library = makeLibrary(s.config, articles, s.library.references, s.library.advice);
  let now = new Date('2026-12-01T00:00:00Z');
  const local = testApp({ library, now: () => now });
  try {
    const status = async (url: string) => (await local.inject({ url })).statusCode;
    assert.equal(await status('/articles/a-now'), 200);
    assert.equal(await status('/articles/a-draft'), 404);
    assert.equal(await status('/articles/a-later'), 404);
    assert.doesNotMatch((await local.inject({ url: '/feed.xml' })).body, /a-later|a-draft/);
    assert.doesNotMatch((await local.inject({ url: '/sitemap.xml' })).body, /a-later|a-draft/);
    now = new Date('2027-01-10T00:00:00Z');
    assert.equal(await status('/articles/a-later'), 200);
    assert.equal(await status('/articles/a-draft'), 404);
  } finally {
    await local.close();
  }
});
