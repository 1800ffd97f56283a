// Rebuilds the path of questions a set of answers went through, so pages can list, change and step back.
import { triage } from '../../engine/index.js';
import type { AnswerValue, ClinicalContent, QuestionView, TriageResult } from '../../engine/types.js';

export interface Step {
  question: QuestionView;
  /** The answers given on this page, by finding id. */
  values: Readonly<Record<string, AnswerValue>>;
}

export interface Replay {
  /** The questions answered, in the order the check asked them. */
  steps: readonly Step[];
  /** Only the answers on that path: answers to questions the check would not ask now are dropped. */
  answers: Readonly<Record<string, AnswerValue>>;
  /** Where the path ends: the next question, the outcome, out of scope, or invalid answers. */
  result: TriageResult;
}

/** Safety stop: no check asks anywhere near this many pages. */
const MAX_STEPS = 200;

/**
 * Replays the engine from no answers, taking each question it asks whose findings are all answered.
 * Because the engine is deterministic, this is exactly the path the person took; the result is what
 * the engine says for the answers on that path (the pages show only answers that were used).
 */
export function replay(content: ClinicalContent, answers: Readonly<Record<string, AnswerValue>>): Replay {
  const checked = triage(content, answers);
  if (checked.status === 'invalid') return { steps: [], answers: {}, result: checked };
  const steps: Step[] = [];
  const path: Record<string, AnswerValue> = {};
  for (let i = 0; i < MAX_STEPS; i++) {
    const result = triage(content, path);
    if (result.status !== 'question') return { steps, answers: path, result };
    const { question } = result;
    const unanswered = question.findings.some((f) => !Object.hasOwn(answers, f) || Object.hasOwn(path, f));
    if (unanswered) return { steps, answers: path, result };
    const values: Record<string, AnswerValue> = {};
    for (const f of question.findings) {
      const value = answers[f];
      if (value !== undefined) values[f] = value;
    }
    Object.assign(path, values);
    steps.push({ question, values });
  }
  return { steps, answers: path, result: triage(content, path) };
}
