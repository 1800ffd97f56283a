// Complete answer sets for tests: start from a few findings and answer every further question the most ordinary way.
import { triage } from '../../../src/engine/index.js';
import type { AnswerValue, ClinicalContent, Outcome } from '../../../src/engine/types.js';

const NUMBER_DEFAULTS: Readonly<Record<string, number>> = { age_years: 40, pain_score: 3, duration_weeks: 4 };

/**
 * Answers the questions in the order the engine asks them, as a person would: with the given value for a finding when
 * there is one, otherwise no / the first choice / an ordinary number; so the answers are exactly those of one path.
 */
export function completeAnswers(content: ClinicalContent, given: Record<string, AnswerValue>): { answers: Record<string, AnswerValue>; outcome: Outcome } {
  const answers: Record<string, AnswerValue> = {};
  for (let i = 0; i < 100; i++) {
    const result = triage(content, answers);
    if (result.status === 'outcome') return { answers, outcome: result.outcome };
    if (result.status !== 'question') throw new Error(`engine said ${result.status}: ${JSON.stringify(result)}`);
    const q = result.question;
    for (const finding of q.findings) {
      const def = content.findings.get(finding);
      if (def === undefined) throw new Error(`unknown finding ${finding}`);
      const value = given[finding];
      if (value !== undefined) {
        answers[finding] = value;
        continue;
      }
      answers[finding] = def.type === 'boolean' ? false
        : def.type === 'number' ? (NUMBER_DEFAULTS[finding] ?? def.min)
          : (q.options?.[0]?.value ?? def.values[0] ?? '');
    }
  }
  throw new Error('no outcome after 100 questions');
}
