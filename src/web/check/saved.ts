// Re-opening a saved result: keep the answers the current check still understands, and say if it has changed.
import { validateAnswers } from '../../engine/index.js';
import type { AnswerValue, ClinicalContent } from '../../engine/types.js';

export interface SavedAnswers {
  /** Undefined when nothing usable was saved. */
  answers?: Record<string, AnswerValue>;
  /** Some saved answers are no longer used by the check and were left out. */
  dropped: boolean;
}

/** Drops answers the current content no longer accepts. */
export function savedAnswers(content: ClinicalContent, raw: Readonly<Record<string, AnswerValue>>): SavedAnswers {
  const { answers, errors } = validateAnswers(content, raw);
  if (answers.size === 0) return { dropped: errors.length > 0 };
  return { answers: Object.fromEntries(answers), dropped: errors.length > 0 };
}

/** What the result page says about a saved result, by the content version it was saved with. */
export function savedNotice(content: ClinicalContent, savedVersion: string, dropped: boolean): string {
  let notice = savedVersion === content.version
    ? 'This is your saved result, worked out again from your saved answers. The check has not changed since you saved it.'
    : `The check has been updated since you saved this result (it used version ${savedVersion === '' ? 'unknown' : savedVersion}; this is version ${content.version}). We worked out your result again with the updated check, so it may be different.`;
  if (dropped) notice += ' Some of your saved answers are no longer used by the check.';
  return notice;
}
