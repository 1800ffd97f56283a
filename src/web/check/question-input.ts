// Reads what a person entered on one question page into answers, or the error message to show with it.
import { toWeeks } from '../../engine/index.js';
import { UNKNOWN, type AnswerValue, type ClinicalContent, type DurationUnit, type QuestionView } from '../../engine/types.js';
import { errorMessage } from './messages.js';

/** What the form showed or should show again: the raw text, so nothing typed is lost. */
export interface Prefill {
  answer: readonly string[];
  unit?: string;
  unsure: boolean;
}

export type InputResult =
  | { ok: true; values: Record<string, AnswerValue> }
  | { ok: false; message: string; prefill: Prefill };

export const EMPTY_PREFILL: Prefill = { answer: [], unsure: false };

const DURATION_UNITS: readonly DurationUnit[] = ['days', 'weeks', 'months'];
const NONE = 'none';

function strings(value: unknown): string[] {
  const list: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter((v) => v !== '');
}

/** The raw form fields of a question page. */
export function prefillFromBody(body: Readonly<Record<string, unknown>>): Prefill {
  const unit = strings(body.unit)[0];
  return { answer: strings(body.answer), unsure: strings(body.unsure).includes('yes'), ...(unit === undefined ? {} : { unit }) };
}

/** Parses the page's fields against the question shown; never throws. */
export function parseQuestionInput(content: ClinicalContent, question: QuestionView, prefill: Prefill): InputResult {
  const fail = (message: string): InputResult => ({ ok: false, message, prefill });
  const first = prefill.answer[0];
  switch (question.kind) {
    case 'boolean': {
      const finding = question.finding ?? question.findings[0] ?? '';
      if (first === 'yes' || first === 'no') return { ok: true, values: { [finding]: first === 'yes' } };
      if (first === UNKNOWN && question.unknownAllowed) return { ok: true, values: { [finding]: UNKNOWN } };
      return fail(errorMessage(question, 'choose'));
    }
    case 'choice': {
      const finding = question.finding ?? question.findings[0] ?? '';
      if (first !== undefined && (question.options ?? []).some((o) => o.value === first)) return { ok: true, values: { [finding]: first } };
      if (first === UNKNOWN && question.unknownAllowed) return { ok: true, values: { [finding]: UNKNOWN } };
      return fail(errorMessage(question, 'choose'));
    }
    case 'multi':
      return parseMulti(question, prefill, fail);
    case 'number':
      return parseNumber(content, question, prefill, fail);
  }
}

function parseMulti(question: QuestionView, prefill: Prefill, fail: (m: string) => InputResult): InputResult {
  const ticked = new Set(prefill.answer);
  const findings = question.findings;
  const fill = (value: AnswerValue): Record<string, AnswerValue> => Object.fromEntries(findings.map((f) => [f, value]));
  if (ticked.size === 0) return fail(errorMessage(question, 'choose'));
  if (ticked.has(NONE)) return ticked.size === 1 ? { ok: true, values: fill(false) } : fail(errorMessage(question, 'exclusive'));
  const unsure = ticked.has(UNKNOWN) && question.unknownAllowed;
  ticked.delete(UNKNOWN);
  if ([...ticked].some((t) => !findings.includes(t))) return fail(errorMessage(question, 'choose'));
  // "I'm not sure" may come with ticked statements: those are yes, the others unsure (then asked again, principle 2b).
  return { ok: true, values: Object.fromEntries(findings.map((f) => [f, ticked.has(f) ? true : unsure ? UNKNOWN : false])) };
}

function parseNumber(content: ClinicalContent, question: QuestionView, prefill: Prefill, fail: (m: string) => InputResult): InputResult {
  const finding = question.finding ?? question.findings[0] ?? '';
  const def = content.findings.get(finding);
  if (prefill.unsure && question.unknownAllowed) return { ok: true, values: { [finding]: UNKNOWN } };
  const text = (prefill.answer[0] ?? '').replace(/,/g, '');
  if (text === '') return fail(errorMessage(question, 'empty'));
  if (!/^\d+(\.\d+)?$/.test(text)) return fail(errorMessage(question, /^-/.test(text) ? 'range' : 'not_number'));
  let value = Number(text);
  const units = question.units ?? [];
  if (units.length > 0) {
    const unit = DURATION_UNITS.find((u) => u === prefill.unit && units.includes(u));
    if (unit === undefined) return fail(errorMessage(question, 'unit'));
    value = toWeeks(value, unit);
  } else if (def?.type === 'number' && def.integer && !Number.isInteger(value)) {
    return fail(errorMessage(question, 'whole'));
  }
  const min = question.min ?? (def?.type === 'number' ? def.min : -Infinity);
  const max = question.max ?? (def?.type === 'number' ? def.max : Infinity);
  if (value < min || value > max) return fail(errorMessage(question, 'range'));
  return { ok: true, values: { [finding]: value } };
}

/** A duration in weeks as the number and unit a person would most likely have typed. */
export function durationParts(weeks: number): { value: string; unit: DurationUnit } {
  if (weeks < 1) return { value: String(Math.round(weeks * 7)), unit: 'days' };
  const months = (weeks * 12) / 52.18;
  if (weeks >= 8 && Math.abs(months - Math.round(months)) < 0.01) return { value: String(Math.round(months)), unit: 'months' };
  return { value: String(Math.round(weeks * 10) / 10), unit: 'weeks' };
}

/** The form fields that show earlier answers again (Back and Change). */
export function prefillFromValues(question: QuestionView, values: Readonly<Record<string, AnswerValue>>): Prefill {
  const findings = question.findings;
  const vals = findings.map((f) => values[f]);
  if (vals.every((v) => v === undefined)) return EMPTY_PREFILL;
  switch (question.kind) {
    case 'boolean': {
      const v = vals[0];
      return { answer: [v === true ? 'yes' : v === false ? 'no' : UNKNOWN], unsure: false };
    }
    case 'choice':
      return { answer: [String(vals[0])], unsure: false };
    case 'multi': {
      const ticked = findings.filter((f) => values[f] === true);
      if (vals.some((v) => v === UNKNOWN)) return { answer: [...ticked, UNKNOWN], unsure: false };
      return { answer: ticked.length === 0 ? [NONE] : ticked, unsure: false };
    }
    case 'number': {
      const v = vals[0];
      if (v === UNKNOWN) return { answer: [], unsure: true, ...((question.units ?? []).length > 0 ? { unit: 'weeks' } : {}) };
      if (typeof v !== 'number') return EMPTY_PREFILL;
      if ((question.units ?? []).length > 0) {
        const parts = durationParts(v);
        return { answer: [parts.value], unit: parts.unit, unsure: false };
      }
      return { answer: [String(v)], unsure: false };
    }
  }
}
