// Answers as hidden form fields (`a.<findingId>`), so they travel only in POST bodies, never in URLs.
import { UNKNOWN, type AnswerValue } from '../engine/types.js';

export const ANSWER_PREFIX = 'a.';

export interface HiddenField {
  name: string;
  value: string;
}

/** One hidden field per answer: `a.<findingId>` = true | false | <number> | <choice> | unknown. */
export function answersToFields(answers: Readonly<Record<string, AnswerValue>>): HiddenField[] {
  return Object.entries(answers)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, value]) => ({ name: `${ANSWER_PREFIX}${id}`, value: String(value) }));
}

/** Reads one field's text back as the answer it stands for. */
export function parseAnswerText(text: string): AnswerValue {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === UNKNOWN) return UNKNOWN;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/**
 * The answers carried by a form body's `a.*` fields. Other fields are ignored; a field sent twice keeps
 * its first value. The engine validates the result (unknown ids, types, ranges), so nothing is trusted here.
 */
export function fieldsToAnswers(body: unknown): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  if (body === null || typeof body !== 'object') return answers;
  for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
    if (!name.startsWith(ANSWER_PREFIX)) continue;
    const id = name.slice(ANSWER_PREFIX.length);
    const text: unknown = Array.isArray(raw) ? raw[0] : raw;
    if (id === '' || typeof text !== 'string' || id === '__proto__') continue;
    answers[id] = parseAnswerText(text);
  }
  return answers;
}
