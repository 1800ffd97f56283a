// Complete answer sets for tests: start from a few findings and answer every further question the most ordinary way.
import { interview } from '../../../src/engine/index.js';
import type { AnswerValue, ClinicalContent, Outcome } from '../../../src/engine/types.js';

const NUMBER_DEFAULTS: Readonly<Record<string, number>> = { age_years: 40, pain_score: 3, duration_weeks: 4 };

/**
 * Answers the questions in the order the engine asks them, as a person would: with the given value for a finding when
 * there is one, otherwise no / the first choice / an ordinary number; so the answers are exactly those of one path.
 */
export function completeAnswers(content: ClinicalContent, given: Record<string, AnswerValue>): { answers: Record<string, AnswerValue>; outcome: Outcome } {
  const run = interview(content, (finding, q) => {
    const value = given[finding];
    if (value !== undefined) return value;
    const def = content.findings.get(finding);
    if (def === undefined) throw new Error(`unknown finding ${finding}`);
    return def.type === 'boolean' ? false
      : def.type === 'number' ? (NUMBER_DEFAULTS[finding] ?? def.min)
        : (q.options?.[0]?.value ?? def.values[0] ?? '');
  }, { maxPages: 100 });
  if (run.result.status !== 'outcome') throw new Error(`engine said ${run.result.status}: ${JSON.stringify(run.result)}`);
  return { answers: run.answers, outcome: run.result.outcome };
}
