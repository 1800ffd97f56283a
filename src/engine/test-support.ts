// Test helpers for the engine: the real clinical content, loaded once, and a simulated person.
import { loadClinicalContent } from '../content/clinical-loader.js';
import { triage } from './triage.js';
import type { AnswerValue, ClinicalContent, TriageResult } from './types.js';

let content: ClinicalContent | undefined;

/** The repository's clinical content (loaded once per test process). */
export function realContent(): ClinicalContent {
  content ??= loadClinicalContent('content/clinical');
  return content;
}

/** Answers every question from `person` (missing booleans "no", other missing findings "unknown") until the end. */
export function interview(
  c: ClinicalContent, person: Readonly<Record<string, AnswerValue>>, start: Readonly<Record<string, AnswerValue>> = {}, limit = 100,
): { result: TriageResult; pages: number; answers: Record<string, AnswerValue> } {
  const answers: Record<string, AnswerValue> = { ...start };
  for (let pages = 0; ; pages++) {
    const result = triage(c, answers);
    if (result.status !== 'question' || pages >= limit) return { result, pages, answers };
    for (const f of result.question.findings) {
      answers[f] = person[f] ?? (c.findings.get(f)?.type === 'boolean' ? false : 'unknown');
    }
  }
}
