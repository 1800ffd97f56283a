// Test helpers for the engine: the real clinical content, loaded once, and a simulated person.
import { loadClinicalContent } from '../content/clinical-loader.js';
import { interview as runInterview, personAnswers, type Interview } from './interview.js';
import type { AnswerValue, ClinicalContent } from './types.js';

let content: ClinicalContent | undefined;

/** The repository's clinical content (loaded once per test process). */
export function realContent(): ClinicalContent {
  content ??= loadClinicalContent('content/clinical');
  return content;
}

/** Answers every question from `person` (missing booleans "no", other missing findings "unknown") until the end. */
export function interview(
  c: ClinicalContent, person: Readonly<Record<string, AnswerValue>>, start: Readonly<Record<string, AnswerValue>> = {}, limit = 100,
): Interview {
  return runInterview(c, personAnswers(c, person), { start, maxPages: limit });
}
