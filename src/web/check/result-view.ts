// Everything a result shows, gathered from the engine's outcome trace: advice, reasons, sources, articles, share link.
import { placeholders, type AppConfig } from '../../config.js';
import { adviceFor, type OutcomeAdvice } from '../../content/advice.js';
import type { Article } from '../../content/articles.js';
import { fillPlaceholders } from '../../content/placeholders.js';
import { safetyNetLines } from '../../content/safety-net.js';
import type { Reference } from '../../content/references.js';
import type { AnswerValue, ClinicalContent, Level, Outcome } from '../../engine/types.js';
import { articlesForTags, publishedArticles } from '../blog.js';
import { referencesFor, type Library } from '../library.js';
import { encodeShared } from '../share-format.js';
import { findingLine } from './answer-text.js';

export interface AnswerLine {
  finding: string;
  label: string;
  answer: string;
}

export interface RuleExplanation {
  id: string;
  title: string;
  reason: string;
  note?: string;
  because: readonly AnswerLine[];
  sources: readonly string[];
  /** Unsure answers this rule took in the reassuring way (it fires in the best case). */
  assuming: readonly AnswerLine[];
}

export interface UnsureExplanation {
  finding: string;
  label: string;
  rule: string;
  ruleTitle: string;
  couldBe: Level;
}

export interface ResultView {
  outcome: Outcome;
  advice: OutcomeAdvice;
  rules: readonly RuleExplanation[];
  unsure: readonly UnsureExplanation[];
  checkedAbsent: readonly AnswerLine[];
  safetyNet: readonly string[];
  sources: readonly Reference[];
  articles: readonly Article[];
  /** The answers that produced the outcome (the path), for the send and share forms. */
  answers: Readonly<Record<string, AnswerValue>>;
  shareUrl: string;
}

export const LEVEL_LABELS: Readonly<Record<Level, string>> = {
  emergency: 'Emergency',
  urgent: 'Urgent: today',
  soon: 'See someone soon',
  routine: 'Book an appointment',
  self_care: 'Look after it yourself',
};

/** A link that re-creates this result later: the answers travel in the fragment, which browsers never send. */
export function shareUrl(config: AppConfig, contentVersion: string, answers: Readonly<Record<string, AnswerValue>>): string {
  return `${config.baseUrl}/check/saved#${encodeShared(contentVersion, answers)}`;
}

/** Builds the result from the outcome and the answers on the path (see replay.ts). */
export function resultView(
  config: AppConfig, content: ClinicalContent, library: Library, outcome: Outcome,
  answers: Readonly<Record<string, AnswerValue>>, now: Date,
): ResultView {
  const values = placeholders(config);
  const advice = adviceFor(library.advice, outcome, values);
  const line = (finding: string): AnswerLine => ({ finding, ...findingLine(content, finding, answers[finding]) });
  const rules = outcome.rules.map((r): RuleExplanation => {
    const note = advice.ruleNotes.find((n) => n.rule === r.id)?.text;
    return {
      id: r.id, title: r.title, reason: r.reason, ...(note === undefined ? {} : { note }),
      because: r.because.map(line), sources: r.sources, assuming: (r.assuming ?? []).map(line),
    };
  });
  const unsure = outcome.unsure.map((u): UnsureExplanation => ({
    finding: u.finding, label: line(u.finding).label, rule: u.rule,
    ruleTitle: content.rules.find((r) => r.id === u.rule)?.title ?? u.rule, couldBe: u.couldBe,
  }));
  const sourceIds = [...new Set(outcome.rules.flatMap((r) => r.sources))];
  return {
    outcome,
    advice,
    rules,
    unsure,
    checkedAbsent: outcome.checkedAbsent.map(line),
    safetyNet: safetyNetLines(content, outcome.safetyNet).map((t) => fillPlaceholders(t, values)),
    sources: referencesFor(library, sourceIds),
    articles: articlesForTags(outcome.articleTags, publishedArticles(library.articles, now)),
    answers,
    shareUrl: shareUrl(config, outcome.contentVersion, answers),
  };
}
