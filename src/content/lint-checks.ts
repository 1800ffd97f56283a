// The closed list of content lint checks: a stable id for each kind of problem, for the hazard log to link to.
import type { ContentProblem } from './content-problem.js';

/**
 * Every check the content lint runs (`creak lint`, `npm test`), with what it makes sure of. The ids are
 * stable: the hazard log (content/safety/hazards.yaml) names them as controls, and `creak safety-case`
 * fails when a hazard names one that is not here. Add a check here first, then report it with its id.
 */
export const LINT_CHECKS = {
  'clinical.load': 'The clinical content loads: every file matches its schema, conditions name known findings, rules and sources are consistent.',
  'clinical.finding-unused': 'Every finding is used by a rule, the risk score or a context question.',
  'clinical.finding-unasked': 'Every finding is asked by a question or derived from other answers.',
  'clinical.question-never-asked': 'Every question can be asked: some rule needs its findings.',
  'clinical.rule-never-fires': 'Every rule can fire: some answers make its condition true.',
  'clinical.rule-without-source': 'Every rule cites at least one source.',
  'clinical.safety-net-incomplete': 'Each body region\'s safety net, generated from the rules, names every emergency and urgent rule that can apply there (principle 9).',
  'clinical.warning-sign-not-in-rule': 'A rule\'s warning sign names only findings of its own condition.',
  'content.lower-urgency': 'No hand-written text (articles, advice, reasons) asks for a lower urgency for a warning sign than its rule (principle 9).',
  'clinical.region-without-rules': 'Every body region has rules that apply to it.',
  'clinical.question-mixes-levels': 'A question that asks several findings at once never groups an emergency sign with a lesser one.',
  'clinical.placeholder-unknown': 'Questions, rules and safety-netting use only known placeholders.',
  'clinical.typed-number': 'Questions, rules and safety-netting never type a phone or service number (placeholders give the clinic\'s own).',
  'outcome.tag-unknown': 'Rules and regions link articles only through tags of the tag vocabulary.',
  'outcome.no-article': 'Every rule\'s result links to at least one published article.',
  'advice.file': 'The outcome advice file is valid: every level has advice, placeholders are known.',
  'reference.list': 'The reference list is valid, with each id once across its files.',
  'reference.unknown': 'Every cited reference is in the reference list.',
  'reference.unverified-cited': 'Nothing published cites a reference that has not been read and checked (principle 10).',
  'reference.unverified-without-note': 'A reference kept in the list unverified says in a note what could not be checked.',
  'reference.uncited': 'Every verified reference in the list is cited somewhere.',
  'article.front-matter': 'Every article has valid front matter: title, slug, summary, tags, dates, author, reviewer and references.',
  'article.warning-signs': 'An article\'s warning-signs directive names rules with a warning sign or a body region.',
  'article.placeholder-unknown': 'Articles use only known placeholders.',
  'article.typed-number': 'Articles never type a phone or service number or a tel: link (placeholders give the clinic\'s own).',
  'article.link-unsafe': 'Every link in an article is safe and well formed.',
  'article.link-broken': 'Every internal link in an article leads to a page that exists (an article, a used tag, the check).',
  'article.link-unpublished': 'A published article links only to published articles.',
  'article.term-unexplained': 'A medical word is explained in plain words where an article first uses it.',
  'article.unreachable': 'Every article can be reached from a result or from another article.',
  'article.readability': 'Every article, and the articles overall, are easy to read (Flesch reading ease).',
  'article.review-dates': 'An article\'s next review is after its last review.',
  'article.review-due-soon': 'A warning when an article\'s next review is due within 30 days.',
  'article.review-overdue': 'No published article is past its next-review date.',
  'ui.readability': 'The short texts of the check (questions, reasons, safety-netting, advice) are easy to read.',
} as const satisfies Readonly<Record<string, string>>;

export type LintCheck = keyof typeof LINT_CHECKS;

/** A problem the content lint reports, with the id of the check that found it. */
export interface LintProblem extends ContentProblem {
  check: LintCheck;
}

/** Whether a string names a check of the closed list. */
export function isLintCheck(id: string): id is LintCheck {
  return Object.hasOwn(LINT_CHECKS, id);
}

/** Tags problems found by a loader with the check they belong to. */
export function withCheck(check: LintCheck, problems: readonly ContentProblem[]): LintProblem[] {
  return problems.map((p) => ({ ...p, check }));
}
