// Complete answer sets for tests: start from a few findings and answer every further question the most ordinary way.
import { triage } from '../../../src/engine/index.js';
import type { AnswerValue, ClinicalContent, Outcome } from '../../../src/engine/types.js';

const NUMBER_DEFAULTS: Readonly<Record<string, number>> = { age_years: 40, pain_score: 3, duration_weeks: 4 };

/** Answers every question the engine asks (no / first choice / an ordinary number) until it reaches an outcome. */
export function completeAnswers(content: ClinicalContent, start: Record<string, AnswerValue>): { answers: Record<string, AnswerValue>; outcome: Outcome } {
  const answers: Record<string, AnswerValue> = { ...start };
  for (let i = 0; i < 100; i++) {
    const result = triage(content, answers);
    if (result.status === 'outcome') return { answers, outcome: result.outcome };
    if (result.status !== 'question') throw new Error(`engine said ${result.status}: ${JSON.stringify(result)}`);
    const q = result.question;
    for (const finding of q.findings) {
      const def = content.findings.get(finding);
      if (def === undefined) throw new Error(`unknown finding ${finding}`);
      answers[finding] = def.type === 'boolean' ? false
        : def.type === 'number' ? (NUMBER_DEFAULTS[finding] ?? def.min)
          : (q.options?.[0]?.value ?? def.values[0] ?? '');
    }
  }
  throw new Error('no outcome after 100 questions');
}
