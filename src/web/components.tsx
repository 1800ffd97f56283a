// Small shared page parts: article lists, reference lists, tags.
import type { Article } from '../content/articles.js';
import { referenceLink, type Reference } from '../content/references.js';
import { formatDay, tagLabel } from './format.js';

export function ArticleList({ articles, level = 2 }: { articles: readonly Article[]; level?: 2 | 3 }) {
  return (
    <ul class="list">
      {articles.map((a) => (
        <li>
          {level === 2 ? <h2><a href={`/articles/${a.slug}`}>{a.title}</a></h2> : <h3><a href={`/articles/${a.slug}`}>{a.title}</a></h3>}
          <p>{a.summary}</p>
          <p class="meta">Published {formatDay(a.published)} · reviewed {formatDay(a.reviewed)}</p>
        </li>
      ))}
    </ul>
  );
}

export function TagLinks({ tags }: { tags: readonly string[] }) {
  return (
    <p>
      {tags.map((t) => <a class="tag" href={`/articles/tag/${t}`}>{tagLabel(t)}</a>)}
    </p>
  );
}

const KIND_NOTE: Readonly<Record<Reference['kind'], string>> = {
  study: 'study',
  review: 'review of studies',
  guideline: 'guideline',
  pathway: 'care pathway',
  'clinic-policy': 'clinic policy',
};

/** A numbered list of sources; one without a DOI or URL is said to be so (safety principle 5). */
export function ReferenceList({ references, numbered = false }: { references: readonly Reference[]; numbered?: boolean }) {
  return (
    <ol class="refs">
      {references.map((r, i) => {
        const link = referenceLink(r);
        return (
          <li id={numbered ? `source-${String(i + 1)}` : `ref-${r.id}`}>
            {r.citation} <span class="meta">({KIND_NOTE[r.kind]}{link === undefined ? ', no online copy' : ''})</span>
            {link === undefined ? null : <> <a href={link}>{r.doi === undefined ? 'Read it online' : `doi:${r.doi}`}</a></>}
          </li>
        );
      })}
    </ol>
  );
}
