// triage(content, answers): the next question or the explained outcome, from the answers alone.
import { validateAnswers } from './answers.js';
import { bestAndWorst } from './cases.js';
import { explain } from './explain.js';
import { neededFindings, nextQuestion, recheckQuestion } from './next-question.js';
import { buildState, isAnswered } from './state.js';
import { compiled } from './compiled.js';
import { levelRank } from './types.js';
import type { ClinicalContent, TriageResult } from './types.js';

const EMERGENCY = levelRank('emergency');

/**
 * Decides, from a person's answers (keyed by finding id, in any order, possibly more than was asked), the
 * next question or the outcome. Pure and deterministic; never throws on any input: invalid answers come back
 * as `{status: 'invalid'}` with a code and a path for each. Implements the safety principles of rules.md:
 * red flags before any lower outcome (1), unsure answers (2), an unsure emergency sign asked again on its own
 * first (2b), derived findings never asked (6), stop at once on emergency (7), keep asking while an answer could
 * change the care shown (8), safety-netting from the rules (9).
 */
export function triage(content: ClinicalContent, rawAnswers: unknown): TriageResult {
  const contentVersion = content.version;
  const { answers, errors } = validateAnswers(content, rawAnswers);
  if (errors.length > 0) return { status: 'invalid', errors, contentVersion };
  const age = answers.get('age_years');
  if (typeof age === 'number' && age < content.minimumAge) {
    return { status: 'out_of_scope', reason: 'under_minimum_age', minimumAge: content.minimumAge, contentVersion };
  }
  const state = buildState(content, answers);
  const asked = answers.size;
  const required = compiled(content).requiredQuestions.find((q) => q.findings.some((f) => !isAnswered(state, f)));
  if (required) {
    const question = nextQuestion(content, { keys: new Map(required.findings.map((f) => [f, EMERGENCY])), via: new Map(), care: new Set() });
    if (question) return { status: 'question', question, asked, contentVersion };
  }
  const cases = bestAndWorst(content, state);
  const { best, worst } = cases;
  const level = Math.max(best, worst - 1);
  if (best < EMERGENCY) {
    const question = recheckQuestion(content, state) ?? nextQuestion(content, neededFindings(content, state, level));
    if (question) return { status: 'question', question, asked, contentVersion };
  }
  return { status: 'outcome', outcome: explain(content, state, level, cases), contentVersion };
}
