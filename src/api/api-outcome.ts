// The API's views of engine results: the fixed v1 contract (question, outcome, out of scope), with advice and articles added.
import { placeholders, type AppConfig } from '../config.js';
import { outOfScopeAdvice } from '../content/advice.js';
import type { AnswerValue, ClinicalContent, Outcome, QuestionView, TriageResult } from '../engine/types.js';
import type { AppContext } from '../server/context.js';
import { resultView } from '../web/check/result-view.js';
import { absoluteUrl } from '../web/site.js';

export interface ApiArticle {
  slug: string;
  title: string;
  summary: string;
  url: string;
}

/** A question as the API gives it: a number question also says whether it takes a whole number. */
export type ApiQuestion = QuestionView & { integer?: boolean };

export type ApiBody =
  | { status: 'question'; question: ApiQuestion; asked: number; contentVersion: string }
  | { status: 'outcome'; outcome: ApiOutcome; contentVersion: string }
  | { status: 'out_of_scope'; reason: string; minimumAge: number; advice: ReturnType<typeof outOfScopeAdvice>; contentVersion: string };

export type ApiOutcome = Omit<Outcome, 'safetyNet'> & {
  title: string;
  safetyNet: readonly string[];
  advice: ReturnType<typeof resultView>['advice'];
  articles: readonly ApiArticle[];
  sourceDetails: readonly { id: string; citation: string; url?: string; kind: string }[];
};

/** The outcome as the API returns it: the engine's trace, plus title, advice, filled safety net and articles. */
export function apiOutcome(ctx: AppContext, outcome: Outcome, answers: Readonly<Record<string, AnswerValue>>): ApiOutcome {
  const view = resultView(ctx.config, ctx.content, ctx.library, outcome, answers, ctx.now());
  return {
    ...outcome,
    title: view.advice.title,
    safetyNet: view.safetyNet,
    advice: view.advice,
    articles: view.articles.map((a) => ({ slug: a.slug, title: a.title, summary: a.summary, url: absoluteUrl(ctx.site, `/articles/${a.slug}`) })),
    sourceDetails: view.sources.map((r) => {
      const url = r.doi !== undefined ? `https://doi.org/${r.doi}` : r.url;
      return { id: r.id, citation: r.citation, kind: r.kind, ...(url === undefined ? {} : { url }) };
    }),
  };
}

/** The response body for a valid result (invalid results are errors, handled by the route). */
export function apiBody(ctx: AppContext, result: Exclude<TriageResult, { status: 'invalid' }>, answers: Readonly<Record<string, AnswerValue>>): ApiBody {
  switch (result.status) {
    case 'question': {
      const def = result.question.finding === undefined ? undefined : ctx.content.findings.get(result.question.finding);
      return def?.type === 'number' ? { ...result, question: { ...result.question, integer: def.integer } } : result;
    }
    case 'outcome':
      return { status: 'outcome', outcome: apiOutcome(ctx, result.outcome, answers), contentVersion: result.contentVersion };
    case 'out_of_scope':
      return { ...result, advice: outOfScopeAdvice(ctx.library.advice, placeholders(ctx.config)) };
  }
}

/** The finding catalogue, as GET /api/v1/findings returns it. */
export function findingsBody(content: ClinicalContent): { contentVersion: string; findings: unknown[] } {
  return { contentVersion: content.version, findings: [...content.findings.entries()].map(([, def]) => def) };
}

export function contentBody(ctx: { content: ClinicalContent; config: AppConfig; articles: number; references: number }): Record<string, unknown> {
  const { content } = ctx;
  return {
    version: content.version,
    apiVersion: 'v1',
    counts: {
      findings: content.findings.size,
      questions: content.questions.length,
      rules: content.rules.length,
      articles: ctx.articles,
      references: ctx.references,
    },
    levels: ['self_care', 'routine', 'soon', 'urgent', 'emergency'],
    minimumAge: content.minimumAge,
  };
}
