// Routes for the blog: index pages, tag pages, articles, the Atom feed, sitemap.xml and robots.txt.
import type { FastifyPluginCallback } from 'fastify';
import { isTag } from '../../content/tags.js';
import type { AppContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { indexPage, PAGE_SIZE, publishedArticles, relatedArticles } from '../blog.js';
import { atomFeed, robotsTxt, sitemap } from '../feeds.js';
import { referencesFor } from '../library.js';
import { ArticleIndexPage, ArticlePage, TagPage } from '../pages/articles.js';
import { sendPage } from '../send.js';

export function blogRoutes(ctx: AppContext): FastifyPluginCallback {
  const { site, library } = ctx;
  const published = () => publishedArticles(library.articles, ctx.now());
  return (app, _options, done) => {
    app.get<{ Querystring: { page?: string } }>('/articles', async (req, reply) => {
      const raw = req.query.page;
      // Only plain page numbers are addresses; "?page=01" or "?page=1" are not second copies of a page.
      if (raw !== undefined && !/^[1-9][0-9]{0,3}$/.test(raw)) throw new AppError('not_found');
      if (raw === '1') return reply.redirect('/articles', 301);
      const index = indexPage(published(), raw === undefined ? 1 : Number(raw));
      if (index === undefined) throw new AppError('not_found');
      return sendPage(reply, <ArticleIndexPage site={site} index={index} />, 'short');
    });
    app.get<{ Params: { tag: string } }>('/articles/tag/:tag', async (req, reply) => {
      const { tag } = req.params;
      const articles = isTag(tag) ? published().filter((a) => a.tags.includes(tag)) : [];
      if (articles.length === 0) throw new AppError('not_found');
      return sendPage(reply, <TagPage site={site} tag={tag} articles={articles} />, 'short');
    });
    app.get<{ Params: { slug: string } }>('/articles/:slug', async (req, reply) => {
      const all = published();
      const article = all.find((a) => a.slug === req.params.slug);
      const html = article === undefined ? undefined : library.articleHtml.get(article.slug);
      if (article === undefined || html === undefined) throw new AppError('not_found');
      return sendPage(reply, (
        <ArticlePage site={site} article={article} html={html} references={referencesFor(library, article.references)}
          related={relatedArticles(article, all)} />
      ), 'short');
    });
    app.get('/feed.xml', async (_req, reply) =>
      reply.header('cache-control', 'public, max-age=300').type('application/atom+xml; charset=utf-8')
        .send(atomFeed(site, published(), (a) => library.articleHtml.get(a.slug) ?? '')));
    app.get('/sitemap.xml', async (_req, reply) => {
      const all = published();
      return reply.header('cache-control', 'public, max-age=300').type('application/xml; charset=utf-8')
        .send(sitemap(site, all, Math.max(1, Math.ceil(all.length / PAGE_SIZE))));
    });
    app.get('/robots.txt', async (_req, reply) =>
      reply.header('cache-control', 'public, max-age=3600').type('text/plain; charset=utf-8').send(robotsTxt(site)));
    done();
  };
}
