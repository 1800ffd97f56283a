// Named examples of every page template: the same list drives the HTML validity test, the axe checks and the screenshots.
import { interview, personAnswers } from '../engine/index.js';
import type { AnswerValue, ClinicalContent, Level, QuestionKind, QuestionView } from '../engine/types.js';
import { checkUrl, shownQuestion, type CheckState, type CheckStates } from './check/check-state.js';

/** A person's facts, with vignette semantics: an unlisted yes/no fact is "no", any other unlisted fact is "I'm not sure". */
export type Facts = Readonly<Record<string, AnswerValue>>;

/** One made-up person per level, used for examples and for the end-to-end checks. */
export const PEOPLE: Readonly<Record<Level, Facts>> = {
  emergency: { age_years: 44, body_region: 'lower_back', main_concern: 'pain_only', bladder_change: true, saddle_numbness: true },
  urgent: { age_years: 35, body_region: 'knee', main_concern: 'pain_only', joint_hot_red: true, joint_swollen: true, pain_score: 6, duration_weeks: 0.5, trend: 'worse' },
  soon: { age_years: 30, body_region: 'knee', main_concern: 'noise_and_pain', noise_type: 'repeated_click', noise_painful: false, injury_recent: true, joint_gives_way: true, pain_score: 3, duration_weeks: 3, trend: 'same' },
  routine: { age_years: 62, body_region: 'knee', main_concern: 'pain_only', pain_score: 7, duration_weeks: 26, trend: 'same' },
  self_care: { age_years: 28, body_region: 'knee', main_concern: 'noise_only', noise_type: 'grinding', noise_painful: false, pain_score: 0, duration_weeks: 52, trend: 'same' },
};

/** Someone with low back pain, whose check asks how long it has lasted. */
export const BACK_PAIN: Facts = { age_years: 40, body_region: 'lower_back', main_concern: 'pain_only', pain_score: 3, duration_weeks: 1, trend: 'better' };

/** Someone with a replaced knee: whether they can put weight on it is then asked on a page of its own. */
const REPLACED_KNEE: Facts = { age_years: 69, body_region: 'knee', main_concern: 'pain_only', joint_replacement: true, pain_score: 5, duration_weeks: 0, trend: 'worse' };

/** Someone with low back pain who is not sure about numbness around the bottom: the check asks about it again. */
export const UNSURE_SIGN: Facts = { ...BACK_PAIN, saddle_numbness: 'unknown' };


/** The answer a person gives to one finding (see Facts). */
export function factValue(content: ClinicalContent, facts: Facts, finding: string): AnswerValue {
  return personAnswers(content, facts)(finding);
}

/**
 * Answers the check as this person would, stopping before the first question for which `stop` is true
 * (or at the end). Returns the answers so far and the question stopped at, if any.
 */
export function answerUntil(content: ClinicalContent, facts: Facts, stop: (q: QuestionView) => boolean = () => false): { answers: Record<string, AnswerValue>; stoppedAt?: QuestionView } {
  const { result, answers, stopped } = interview(content, (f) => factValue(content, facts, f), { stopBefore: stop });
  return stopped === true && result.status === 'question' ? { answers, stoppedAt: result.question } : { answers };
}

/** The form fields a person with these facts sends on the page of `question`: q, o (multi) and their answer. */
export function formFieldsFor(content: ClinicalContent, question: QuestionView, facts: Facts): [string, string][] {
  const head: [string, string][] = [['q', question.id], ...(question.kind === 'multi' ? [['o', question.findings.join(' ')] as [string, string]] : [])];
  const value = (f: string) => factValue(content, facts, f);
  switch (question.kind) {
    case 'boolean': {
      const v = value(question.findings[0] ?? '');
      return [...head, ['answer', v === true ? 'yes' : v === false ? 'no' : 'unknown']];
    }
    case 'choice':
      return [...head, ['answer', String(value(question.findings[0] ?? ''))]];
    case 'number': {
      const v = value(question.findings[0] ?? '');
      if (v === 'unknown') return [...head, ['unsure', 'yes'], ['answer', '']];
      return (question.units ?? []).length === 0 ? [...head, ['answer', String(v)]] : [...head, ['answer', String(v)], ['unit', 'weeks']];
    }
    case 'multi': {
      const values = question.findings.map(value);
      if (values.every((v) => v === 'unknown')) return [...head, ['answer', 'unknown']];
      const ticked = question.findings.filter((f) => value(f) === true);
      return ticked.length === 0 ? [...head, ['answer', 'none']] : [...head, ...ticked.map((f): [string, string] => ['answer', f])];
    }
  }
}

export type Template =
  | 'home' | 'question' | 'check-answers' | 'result' | 'out-of-scope' | 'saved' | 'article-index' | 'tag' | 'article'
  | 'accessibility' | 'privacy' | 'not-found' | 'problem' | 'start-again';

export interface PageExample {
  name: string;
  template: Template;
  method: 'GET' | 'POST';
  url: string;
  /** Form fields for POST examples. */
  fields: readonly (readonly [string, string])[];
  status: number;
}

const get = (name: string, template: Template, url: string, status = 200): PageExample => ({ name, template, method: 'GET', url, fields: [], status });
const post = (name: string, template: Template, url: string, fields: readonly (readonly [string, string])[], status = 200): PageExample =>
  ({ name, template, method: 'POST', url, fields, status });

/** A question page of each kind, at the address of the answers before it. */
function questionExamples(content: ClinicalContent, at: (page: 'q', state: CheckState) => string): PageExample[] {
  const kinds: [QuestionKind, string, (q: QuestionView) => boolean][] = [
    ['number', 'question-number-age', (q) => q.id === 'age'],
    ['choice', 'question-choice', (q) => q.kind === 'choice' && !q.unknownAllowed && q.id !== 'age'],
    ['multi', 'question-multi', (q) => q.kind === 'multi'],
    ['boolean', 'question-boolean', (q) => q.kind === 'boolean'],
    ['choice', 'question-recheck', (q) => q.clarifies !== undefined],
    ['number', 'question-number-duration', (q) => (q.units ?? []).length > 0],
    ['number', 'question-number-unsure', (q) => q.kind === 'number' && q.unknownAllowed && (q.units ?? []).length === 0],
  ];
  return kinds.map(([, name, stop]) => {
    const candidates = name === 'question-number-duration' ? [BACK_PAIN] : name === 'question-number-unsure' ? [PEOPLE.routine]
      : name === 'question-recheck' ? [UNSURE_SIGN] : [PEOPLE.self_care, REPLACED_KNEE];
    const reached = candidates.map((facts) => answerUntil(content, facts, stop)).find((r) => r.stoppedAt !== undefined);
    const { answers, stoppedAt } = reached ?? { answers: {}, stoppedAt: undefined };
    if (stoppedAt === undefined) throw new Error(`no example reaches ${name}`);
    return Object.keys(answers).length === 0 ? get(name, 'question', '/check') : get(name, 'question', at('q', { answers, question: shownQuestion(stoppedAt) }));
  });
}

/**
 * Every page template with named examples. Check pages are addresses sealed with `states` (the app's keys), made
 * now: they work for the next few hours.
 */
export function pageExamples(content: ClinicalContent, article: { slug: string; tag: string }, states: CheckStates): PageExample[] {
  const complete = (level: Level) => answerUntil(content, PEOPLE[level]).answers;
  const at = (page: 'q' | 'answers' | 'result', state: CheckState) => checkUrl(page, states.seal(state, new Date()));
  return [
    get('home', 'home', '/'),
    ...questionExamples(content, at),
    get('question-error', 'question', at('q', { answers: {}, question: { id: 'age' }, typed: { answer: ['forty'], unsure: false } }), 400),
    get('check-answers', 'check-answers', at('answers', { answers: complete('routine') })),
    ...(['emergency', 'urgent', 'soon', 'routine', 'self_care'] as const).map((level) =>
      get(`result-${level.replace('_', '-')}`, 'result', at('result', { answers: complete(level) }))),
    get('out-of-scope', 'out-of-scope', at('result', { answers: { age_years: 12 } })),
    get('saved-result', 'saved', '/check/saved'),
    get('article-index', 'article-index', '/articles'),
    get('tag', 'tag', `/articles/tag/${article.tag}`),
    get('article', 'article', `/articles/${article.slug}`),
    get('accessibility', 'accessibility', '/accessibility'),
    get('privacy', 'privacy', '/privacy'),
    get('not-found', 'not-found', '/no-such-page', 404),
    post('problem', 'problem', '/check/saved', [['saved', 'x']], 400),
    get('start-again', 'start-again', '/check/result?s=cut-short', 400),
  ];
}
