// Safety-netting from the rules (principle 9), for answers given so far: which warning signs to watch for.
import { validateAnswers } from './answers.js';
import { safetyNetRules } from './explain.js';
import { buildState } from './state.js';
import type { ClinicalContent } from './types.js';

/**
 * The ids of the emergency and urgent rules whose warning sign a person with these answers should watch for,
 * most urgent first (the same list an outcome carries). With only a region answered, it is every emergency and
 * urgent rule that can apply to that region: what articles and the content lint use. Invalid answers give [].
 */
export function safetyNetFor(content: ClinicalContent, rawAnswers: unknown): string[] {
  const { answers, errors } = validateAnswers(content, rawAnswers);
  return errors.length > 0 ? [] : safetyNetRules(content, buildState(content, answers));
}
