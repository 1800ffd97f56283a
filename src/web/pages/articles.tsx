// The blog's pages: the article index (paged), a tag's articles, and one article.
import { raw } from 'hono/html';
import type { Article } from '../../content/articles.js';
import { fillPlaceholders } from '../../content/placeholders.js';
import { placeholders } from '../../config.js';
import type { Reference } from '../../content/references.js';
import { articleJsonLd, type IndexPage } from '../blog.js';
import { ArticleList, ReferenceList, TagLinks } from '../components.js';
import { formatDay, tagLabel } from '../format.js';
import { Layout } from '../layout.js';
import type { Site } from '../site.js';

export function ArticleIndexPage({ site, index }: { site: Site; index: IndexPage }) {
  const path = index.page === 1 ? '/articles' : `/articles?page=${index.page}`;
  const title = index.page === 1 ? 'Articles' : `Articles (page ${index.page} of ${index.pages})`;
  return (
    <Layout site={site} title={title} canonicalPath={path} openGraph={{ type: 'website' }} feed={true}
      description="Plain-English articles about joint noises, back pain and when to get help, checked by our physiotherapists.">
      <h1>{title}</h1>
      <p class="lead">Plain-English guides about noisy joints, back pain and when to get help. A physiotherapist checks each one.</p>
      {index.items.length === 0 ? <p>There are no articles yet.</p> : <ArticleList articles={index.items} />}
      {index.pages > 1 ? (
        <nav class="pager" aria-label="Pages of articles">
          {index.page > 1 ? <a href={index.page === 2 ? '/articles' : `/articles?page=${index.page - 1}`} rel="prev">Previous page</a> : <span></span>}
          {index.page < index.pages ? <a href={`/articles?page=${index.page + 1}`} rel="next">Next page</a> : null}
        </nav>
      ) : null}
      <p><a href="/feed.xml">Follow new articles (Atom feed)</a></p>
    </Layout>
  );
}

export function TagPage({ site, tag, articles }: { site: Site; tag: string; articles: readonly Article[] }) {
  const title = `Articles about ${tagLabel(tag).toLowerCase()}`;
  return (
    <Layout site={site} title={title} canonicalPath={`/articles/tag/${tag}`} openGraph={{ type: 'website' }}
      description={`Articles from ${site.config.clinic.name} tagged “${tagLabel(tag)}”.`}>
      <h1>{title}</h1>
      <ArticleList articles={articles} />
      <p><a href="/articles">All articles</a></p>
    </Layout>
  );
}

export interface ArticlePageProps {
  site: Site;
  article: Article;
  html: string;
  references: readonly Reference[];
  related: readonly Article[];
}

export function ArticlePage({ site, article, html, references, related }: ArticlePageProps) {
  return (
    <Layout site={site} title={article.title} description={article.summary} canonicalPath={`/articles/${article.slug}`}
      openGraph={{ type: 'article', publishedTime: article.published, modifiedTime: article.reviewed, tags: article.tags }}
      jsonLd={articleJsonLd(site, article, references)}>
      <article>
        <h1>{article.title}</h1>
        <p class="meta">
          Published <time datetime={article.published}>{formatDay(article.published)}</time>. Written by {fillPlaceholders(article.author, placeholders(site.config))}.
          Checked by our {article.reviewer.charAt(0).toLowerCase() + article.reviewer.slice(1)}.
        </p>
        <TagLinks tags={article.tags} />
        <div class="prose">{raw(html)}</div>
        <div class="inset">
          <p>Not sure what to do about your own joint or back? <a href="/check">Take the self-check</a>. It takes about 3 minutes.</p>
        </div>
        {references.length === 0 ? null : (
          <>
            <h2>Sources</h2>
            <ReferenceList references={references} />
          </>
        )}
        <p class="meta" id="page-review">
          Page last reviewed: <time datetime={article.reviewed}>{formatDay(article.reviewed)}</time><br />
          Next review due: <time datetime={article.nextReview}>{formatDay(article.nextReview)}</time>
        </p>
      </article>
      {related.length === 0 ? null : (
        <>
          <h2>Related articles</h2>
          <ArticleList articles={related} level={3} />
        </>
      )}
    </Layout>
  );
}
