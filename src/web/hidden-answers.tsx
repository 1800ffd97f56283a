// Hidden inputs carrying the answers given so far (see answer-fields.ts).
import { raw } from 'hono/html';
import type { AnswerValue } from '../engine/types.js';
import { answersToFields } from './answer-fields.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };

/** Escapes text for an attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return text.replace(/[&"'<>]/g, (c) => ESCAPES[c] ?? c);
}

/** Hidden fields already rendered (see question-cache.ts), standing in for a set of answers. */
export class RenderedFields {
  constructor(readonly html: string) {}
}

export type AnswerFieldsSource = Readonly<Record<string, AnswerValue>> | RenderedFields;

/**
 * The fields as one escaped string: check pages carry dozens of them, and building them as plain text is
 * several times cheaper than as elements.
 */
export function hiddenFieldsHtml(answers: Readonly<Record<string, AnswerValue>>): string {
  let html = '';
  for (const f of answersToFields(answers)) html += `<input type="hidden" name="${escapeAttribute(f.name)}" value="${escapeAttribute(f.value)}"/>`;
  return html;
}

export function HiddenAnswers({ answers }: { answers: AnswerFieldsSource }) {
  return raw(answers instanceof RenderedFields ? answers.html : hiddenFieldsHtml(answers));
}
