// Everything a result shows, gathered from the engine's outcome trace: advice, where to go, reasons, sources, articles.
import { placeholders, type AppConfig } from '../../config.js';
import { adviceFor, type OutcomeAdvice } from '../../content/advice.js';
import type { Article } from '../../content/articles.js';
import { fillPlaceholders } from '../../content/placeholders.js';
import type { Reference } from '../../content/references.js';
import { actionOf, safetyNetLines, sentence } from '../../content/safety-net.js';
import { levelRank } from '../../engine/types.js';
import type { AnswerValue, ClinicalContent, Level, Outcome, RuleDef } from '../../engine/types.js';
import { articlesForReader, publishedArticles } from '../blog.js';
import { referencesFor, type Library } from '../library.js';
import { encodeShared } from '../share-format.js';
import { findingLine } from './answer-text.js';

export interface AnswerLine {
  finding: string;
  label: string;
  answer: string;
}

/** One reason for the result: a rule that fired, in plain words, with the answers behind it. */
export interface RuleExplanation {
  id: string;
  title: string;
  reason: string;
  because: readonly AnswerLine[];
  /** Positions (1-based) of the rule's sources in the result's numbered source list. */
  sources: readonly number[];
  /** Unsure answers this rule took in the reassuring way (it fires in the best case). */
  assuming: readonly AnswerLine[];
}

/** An answer the person was not sure about that could mean a more urgent level (principle 2 and 2b). */
export interface UnsureExplanation {
  finding: string;
  label: string;
  couldBe: Level;
  /** "If you do have <sign>, <the rule's action>." */
  ifYes: string;
}

export interface ResultView {
  outcome: Outcome;
  advice: OutcomeAdvice;
  /** Where to go: the action of each rule that decided the level, or the level's own (rules.md "Where to go"). */
  whereToGo: readonly string[];
  /** What the deciding rules mean for the person (advice.yaml notes). */
  notes: readonly string[];
  /** True when an unsure answer set the level: the unsure reasons come first and say what to do if the sign is there. */
  raisedByUnsure: boolean;
  unsure: readonly UnsureExplanation[];
  rules: readonly RuleExplanation[];
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

/** The sign an unsure answer stands for, in a few words (the recheck wording, else the question's statement). */
function signOf(content: ClinicalContent, finding: string): string {
  const q = content.questions.find((x) => x.findings.includes(finding));
  const option = q?.options?.find((o) => o.finding === finding)?.label;
  const text = q?.clarify?.sign ?? q?.label ?? option ?? finding;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The rules that decided the level: those that fired at it, or, when an unsure answer raised it, none. */
function deciding(content: ClinicalContent, outcome: Outcome): RuleDef[] {
  return outcome.rules.filter((r) => r.level === outcome.level)
    .flatMap((r) => content.rules.find((d) => d.id === r.id) ?? []);
}

/** Builds the result from the outcome and the answers on the path (see replay.ts). */
export function resultView(
  config: AppConfig, content: ClinicalContent, library: Library, outcome: Outcome,
  answers: Readonly<Record<string, AnswerValue>>, now: Date,
): ResultView {
  const values = placeholders(config);
  const fill = (t: string): string => fillPlaceholders(t, values);
  const advice = adviceFor(library.advice, outcome, values);
  const line = (finding: string): AnswerLine => ({ finding, ...findingLine(content, finding, answers[finding]) });
  const decidingRules = deciding(content, outcome);
  const raisedByUnsure = levelRank(outcome.level) > levelRank(outcome.bestCase);
  const levelAction = content.levelActions[outcome.level];
  const whereToGo = decidingRules.length === 0 || raisedByUnsure
    ? [fill(sentence(levelAction))]
    : [...new Set(decidingRules.map((r) => fill(sentence(actionOf(content, r)))))];

  const sourceIds = [...new Set(outcome.rules.flatMap((r) => r.sources))];
  const sources = referencesFor(library, sourceIds).filter((r) => r.verified);
  const number = (id: string): number[] => {
    const i = sources.findIndex((r) => r.id === id);
    return i < 0 ? [] : [i + 1];
  };
  const rules = outcome.rules.map((r): RuleExplanation => ({
    id: r.id, title: r.title, reason: r.reason, because: r.because.map(line),
    sources: r.sources.flatMap(number), assuming: (r.assuming ?? []).map(line),
  }));

  // One line per unsure sign, most urgent first: "If you do have <sign>, <its rule's action>." (principle 2b)
  const unsure: UnsureExplanation[] = [];
  for (const u of [...outcome.unsure].sort((a, b) => levelRank(b.couldBe) - levelRank(a.couldBe))) {
    if (unsure.some((x) => x.finding === u.finding)) continue;
    const rule = content.rules.find((d) => d.id === u.rule);
    const action = rule === undefined ? content.levelActions[u.couldBe] : actionOf(content, rule);
    unsure.push({ finding: u.finding, label: line(u.finding).label, couldBe: u.couldBe, ifYes: fill(`If you do have ${signOf(content, u.finding)}, ${action}.`) });
  }

  const region = content.regions.get(outcome.region)?.tags ?? [];
  const warningRules = [...outcome.rules.filter((r) => levelRank(r.level) >= levelRank('soon')).map((r) => r.id), ...outcome.unsure.map((u) => u.rule)];
  const warningTags = warningRules.flatMap((id) => content.rules.find((d) => d.id === id)?.articleTags ?? []);
  const articles = articlesForReader({
    regionTags: region,
    age: typeof answers.age_years === 'number' ? answers.age_years : undefined,
    replacedJoint: answers.joint_replacement === true,
    hadSurgery: answers.noise_after_surgery === true || answers.surgery_recent === true || answers.joint_replacement === true,
    ruleTags: outcome.articleTags,
    warningTags,
  }, publishedArticles(library.articles, now));

  return {
    outcome,
    advice,
    whereToGo,
    notes: advice.ruleNotes.filter((n) => decidingRules.some((r) => r.id === n.rule) || decidingRules.length === 0).map((n) => n.text),
    raisedByUnsure,
    unsure,
    rules,
    checkedAbsent: outcome.checkedAbsent.map(line),
    safetyNet: safetyNetLines(content, outcome.safetyNet).map(fill),
    sources,
    articles,
    answers,
    shareUrl: shareUrl(config, outcome.contentVersion, answers),
  };
}
