// Re-opening a saved result: keep the answers the current check still understands, and say if it has changed.
import { validateAnswers } from '../../engine/index.js';
import type { AnswerValue, ClinicalContent } from '../../engine/types.js';

export interface SavedAnswers {
  /** Undefined when nothing usable was saved. */
  answers?: Record<string, AnswerValue>;
  notice: string;
}

/** Drops answers the current content no longer accepts and explains what happened, by content version. */
export function savedAnswers(content: ClinicalContent, raw: Readonly<Record<string, AnswerValue>>, savedVersion: string): SavedAnswers {
  const { answers, errors } = validateAnswers(content, raw);
  const same = savedVersion === content.version;
  if (answers.size === 0) return { notice: 'This link does not hold a result we can read.' };
  let notice = same
    ? 'This is your saved result, worked out again from your saved answers. The check has not changed since you saved it.'
    : `The check has been updated since you saved this result (it used version ${savedVersion === '' ? 'unknown' : savedVersion}; this is version ${content.version}). We worked out your result again with the updated check, so it may be different.`;
  if (errors.length > 0) notice += ' Some of your saved answers are no longer used by the check.';
  return { answers: Object.fromEntries(answers), notice };
}
