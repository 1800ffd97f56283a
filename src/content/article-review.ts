// Article governance: each article's clinical review dates, with a warning before a review falls due and a failure once it is overdue.
import type { Article } from './articles.js';
import type { LintProblem } from './lint-checks.js';

/** A review due within this many days is reported as a warning (it fails the lint once overdue). */
export const REVIEW_WARNING_DAYS = 30;

const DAY_MS = 86_400_000;

/** The calendar day of an instant, "YYYY-MM-DD" (UTC, as the article dates are). */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The review state of every article that is not a draft: the next review must come after the last one;
 * a review due within REVIEW_WARNING_DAYS is a warning; a review whose date has passed is a problem, so
 * that no page tells a person it was checked when its check has lapsed (NHS pages show "Next review due").
 */
export function reviewProblems(articles: readonly Article[], now: Date): { problems: LintProblem[]; warnings: LintProblem[] } {
  const today = dayOf(now);
  const problems: LintProblem[] = [];
  const warnings: LintProblem[] = [];
  for (const a of articles.filter((x) => !x.draft)) {
    if (a.nextReview <= a.reviewed) {
      problems.push({ check: 'article.review-dates', file: a.file, path: 'next_review', message: `next review ${a.nextReview} is not after the last review ${a.reviewed}`, expected: 'a next_review date after reviewed' });
      continue;
    }
    const left = daysBetween(today, a.nextReview);
    if (left < 0) {
      problems.push({ check: 'article.review-overdue', file: a.file, path: 'next_review', message: `clinical review overdue: it was due on ${a.nextReview} (${String(-left)} days ago)`, expected: 'a clinical review, then new reviewed and next_review dates' });
    } else if (left <= REVIEW_WARNING_DAYS) {
      warnings.push({ check: 'article.review-due-soon', file: a.file, path: 'next_review', message: `clinical review due on ${a.nextReview} (in ${String(left)} days)`, expected: 'a clinical review before that date' });
    }
  }
  return { problems, warnings };
}
