// Runs a whole check against a person's answers: the one loop behind simulations, examples, tests and benchmarks.
import { triage } from './triage.js';
import type { AnswerValue, ClinicalContent, QuestionView, TriageResult } from './types.js';

export interface Interview {
  /** The last result: an outcome, out of scope, invalid, or the question stopped at. */
  result: TriageResult;
  answers: Record<string, AnswerValue>;
  pages: number;
  findingsAsked: number;
  /** A finding the engine asked for although it had been answered (a fault), if any. */
  repeated?: string;
  /** True when `stopBefore` stopped the interview at `result.question`. */
  stopped?: true;
}

export interface InterviewOptions {
  /** Answers given before the first question (pre-filled evidence). */
  start?: Readonly<Record<string, AnswerValue>>;
  maxPages?: number;
  /** Stop before answering the first question for which this is true (called once per question). */
  stopBefore?: (question: QuestionView) => boolean;
}

/** Answers each question the engine asks with `answerFor` until it ends (or `maxPages` questions have been asked). */
export function interview(
  content: ClinicalContent, answerFor: (finding: string, question: QuestionView) => AnswerValue, options: InterviewOptions = {},
): Interview {
  const answers: Record<string, AnswerValue> = { ...options.start };
  const maxPages = options.maxPages ?? 200;
  let findingsAsked = 0;
  for (let pages = 0; ; pages++) {
    const result = triage(content, answers);
    if (result.status !== 'question' || pages >= maxPages) return { result, answers, pages, findingsAsked };
    if (options.stopBefore?.(result.question) === true) return { result, answers, pages, findingsAsked, stopped: true };
    const repeated = result.question.findings.find((f) => Object.hasOwn(answers, f));
    if (repeated !== undefined) return { result, answers, pages, findingsAsked, repeated };
    for (const f of result.question.findings) {
      answers[f] = answerFor(f, result.question);
      findingsAsked++;
    }
  }
}

/**
 * The answers of a person described by some findings, as the clinical README's simulated person gives them: a
 * listed finding as listed; a boolean not listed is "no"; a number or choice not listed is "I'm not sure".
 */
export function personAnswers(content: ClinicalContent, person: Readonly<Record<string, AnswerValue>>): (finding: string) => AnswerValue {
  return (finding) => person[finding] ?? (content.findings.get(finding)?.type === 'boolean' ? false : 'unknown');
}
