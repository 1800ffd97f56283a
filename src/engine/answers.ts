// Checks raw answers against the catalogue (strict types and ranges) and converts durations.
import { UNKNOWN } from './types.js';
import type { AnswerError, AnswerValue, ClinicalContent, DurationUnit } from './types.js';

const WEEKS_PER: Record<DurationUnit, number> = { days: 1 / 7, weeks: 1, months: 52.18 / 12 };

/** Converts a duration to weeks, the unit the rules use (a month is 52.18 / 12 weeks). */
export function toWeeks(value: number, unit: DurationUnit): number {
  return Math.round(value * WEEKS_PER[unit] * 1000) / 1000;
}

/**
 * Validates answers keyed by finding id. Every problem is returned as a value with a code and the path
 * `answers.<id>`; nothing throws, whatever the input.
 */
export function validateAnswers(content: ClinicalContent, raw: unknown): { answers: Map<string, AnswerValue>; errors: AnswerError[] } {
  const answers = new Map<string, AnswerValue>();
  const errors: AnswerError[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    errors.push({ code: 'wrong_type', path: 'answers', message: 'Answers must be an object keyed by finding id.' });
    return { answers, errors };
  }
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const path = `answers.${id}`;
    const def = content.findings.get(id);
    if (!def) {
      errors.push({ code: 'unknown_finding', path, message: `There is no finding called "${id}".` });
      continue;
    }
    if (value === UNKNOWN) {
      if (def.required) errors.push({ code: 'unknown_not_allowed', path, message: `"${id}" must be answered; "unknown" is not allowed.` });
      else answers.set(id, UNKNOWN);
      continue;
    }
    switch (def.type) {
      case 'boolean':
        if (typeof value !== 'boolean') errors.push({ code: 'wrong_type', path, message: `"${id}" must be true, false or "unknown".` });
        else answers.set(id, value);
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          errors.push({ code: 'wrong_type', path, message: `"${id}" must be a number${def.required ? '' : ' or "unknown"'}.` });
        } else if (value < def.min || value > def.max) {
          errors.push({ code: 'out_of_range', path, message: `"${id}" must be from ${String(def.min)} to ${String(def.max)}.` });
        } else if (def.integer && !Number.isInteger(value)) {
          errors.push({ code: 'not_whole_number', path, message: `"${id}" must be a whole number.` });
        } else {
          answers.set(id, value);
        }
        break;
      case 'choice':
        if (typeof value !== 'string' || !def.values.includes(value)) {
          errors.push({ code: 'invalid_choice', path, message: `"${id}" must be one of: ${def.values.join(', ')}${def.required ? '' : ', unknown'}.` });
        } else {
          answers.set(id, value);
        }
        break;
    }
  }
  return { answers, errors };
}
