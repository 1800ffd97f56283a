// Rebuilds the path of questions a set of answers went through, so pages can list, change and step back.
import { interview, triage } from '../../engine/index.js';
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
  const steps: { question: QuestionView; values: Record<string, AnswerValue> }[] = [];
  const run = interview(content, (finding, question) => {
    if (steps.at(-1)?.question !== question) steps.push({ question, values: {} });
    const value = answers[finding] as AnswerValue;
    const step = steps.at(-1);
    if (step) step.values[finding] = value;
    return value;
  }, { maxPages: MAX_STEPS, stopBefore: (question) => question.findings.some((f) => !Object.hasOwn(answers, f)) });
  return { steps, answers: run.answers, result: run.result };
}
