// The reading material the pages draw on: articles (with their HTML rendered once), the reference list and the outcome advice.
import { join } from 'node:path';
import { loadArticles, renderArticleHtml, type Article } from '../content/articles.js';
import { loadAdvice, type Advice } from '../content/advice.js';
import { loadReferences, type Reference } from '../content/references.js';
import { placeholders, type AppConfig } from '../config.js';
import type { ClinicalContent } from '../engine/types.js';

export interface Library {
  articles: readonly Article[];
  references: ReadonlyMap<string, Reference>;
  /** Each article's safe HTML, by slug, with the clinic's placeholders filled in. */
  articleHtml: ReadonlyMap<string, string>;
  /** What each result means and what to do (content/clinical/advice.yaml). */
  advice: Advice;
}

/** Builds a library from loaded articles and references, rendering every article once. */
export function makeLibrary(config: AppConfig, articles: readonly Article[], references: ReadonlyMap<string, Reference>, advice: Advice): Library {
  const values = placeholders(config);
  const articleHtml = new Map(articles.map((a) => [a.slug, renderArticleHtml(a, values)] as const));
  return { articles, references, articleHtml, advice };
}

/** Loads articles and references from the content folder; throws the loaders' errors on invalid content. */
export function loadLibrary(config: AppConfig, clinical: ClinicalContent): Library {
  return makeLibrary(config, loadArticles(join(config.contentDir, 'articles'), clinical), loadReferences(config.contentDir),
    loadAdvice(join(config.contentDir, 'clinical')));
}

/** The references with these ids, in order, skipping unknown ids (the content lint reports those). */
export function referencesFor(library: Library, ids: readonly string[]): Reference[] {
  return ids.flatMap((id) => {
    const ref = library.references.get(id);
    return ref === undefined ? [] : [ref];
  });
}
