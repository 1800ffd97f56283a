// Reads the answer a form filler gave to one adaptive item back into the engine's answers, checking its type exactly.
import type * as fhir4 from 'fhir/r4.js';
import type { FhirSystems } from '../../clinic/fhir/fhir-systems.js';
import { toWeeks } from '../../engine/index.js';
import { UNKNOWN, type AnswerValue, type ClinicalContent, type DurationUnit, type QuestionView } from '../../engine/types.js';
import { EXT, NO, NOT_SURE, sameCoding, UCUM, UNIT_CODES, YES } from '../fhir-codes.js';
import { FhirError } from '../fhir-errors.js';
import { choiceCodings, linkIdOf, multiCodings, noneCoding } from './adaptive-items.js';

export type Values = Record<string, AnswerValue>;

type Answer = fhir4.QuestionnaireResponseItemAnswer;

const VALUE_KEYS = ['valueBoolean', 'valueDecimal', 'valueInteger', 'valueDate', 'valueDateTime', 'valueTime', 'valueString',
  'valueUri', 'valueAttachment', 'valueCoding', 'valueQuantity', 'valueReference'] as const;

/** The one value[x] key an answer carries (undefined when it has none or several). */
function valueKey(answer: Answer): (typeof VALUE_KEYS)[number] | undefined {
  const keys = VALUE_KEYS.filter((k) => answer[k] !== undefined);
  return keys.length === 1 ? keys[0] : undefined;
}

function wrongType(path: string, expected: string): FhirError {
  return new FhirError('wrong_answer_type', `This item takes ${expected}.`, path);
}

/** True when the item says "I'm not sure" with the data-absent-reason extension instead of an answer. */
function markedUnknown(item: fhir4.QuestionnaireResponseItem): boolean {
  return (item.extension ?? []).some((e) => e.url === EXT.dataAbsentReason && e.valueCode === 'asked-unknown');
}

function codingAnswer(answer: Answer, path: string): fhir4.Coding {
  if (valueKey(answer) !== 'valueCoding' || answer.valueCoding === undefined) throw wrongType(path, 'a valueCoding from its answerOption list');
  return answer.valueCoding;
}

function readBoolean(q: QuestionView, answer: Answer, path: string): AnswerValue {
  if (!q.unknownAllowed) {
    if (valueKey(answer) !== 'valueBoolean' || typeof answer.valueBoolean !== 'boolean') throw wrongType(path, 'a valueBoolean');
    return answer.valueBoolean;
  }
  const coding = codingAnswer(answer, path);
  if (sameCoding(coding, YES)) return true;
  if (sameCoding(coding, NO)) return false;
  if (sameCoding(coding, NOT_SURE)) return UNKNOWN;
  throw new FhirError('invalid_answer', 'Answer with Y or N (v2-0136) or asked-unknown (data-absent-reason).', path);
}

function readChoice(q: QuestionView, answer: Answer, path: string, sys: FhirSystems): AnswerValue {
  const coding = codingAnswer(answer, path);
  if (q.unknownAllowed && sameCoding(coding, NOT_SURE)) return UNKNOWN;
  const option = choiceCodings(q, sys).find((c) => sameCoding(coding, c));
  if (option?.code === undefined) throw new FhirError('invalid_answer', 'This answer is not one of the item\'s answerOption codings.', path);
  return option.code;
}

function readNumber(q: QuestionView, content: ClinicalContent, answer: Answer, path: string): AnswerValue {
  const units = q.units ?? [];
  const def = content.findings.get(linkIdOf(q));
  if (units.length > 0) {
    const quantity = answer.valueQuantity;
    if (valueKey(answer) !== 'valueQuantity' || quantity === undefined || typeof quantity.value !== 'number') {
      throw wrongType(path, `a valueQuantity in ${units.join(', ')}`);
    }
    const unit = units.find((u: DurationUnit) => quantity.system === UCUM && quantity.code === UNIT_CODES[u].code);
    if (unit === undefined) {
      throw new FhirError('invalid_answer', `Give the unit as a UCUM code: ${units.map((u) => UNIT_CODES[u].code).join(', ')}.`, `${path}.valueQuantity`);
    }
    return toWeeks(quantity.value, unit);
  }
  const integer = def?.type === 'number' && def.integer;
  const key = integer ? 'valueInteger' : 'valueDecimal';
  const value = answer[key];
  if (valueKey(answer) !== key || typeof value !== 'number') throw wrongType(path, `a ${key}`);
  return value;
}

function readMulti(q: QuestionView, answers: readonly Answer[], path: string, sys: FhirSystems): Values {
  const options = multiCodings(q, sys);
  const fill = (value: AnswerValue): Values => Object.fromEntries(q.findings.map((f) => [f, value]));
  const ticked = new Set<string>();
  let none = false;
  let unsure = false;
  for (const [i, answer] of answers.entries()) {
    const coding = codingAnswer(answer, `${path}.answer[${i}]`);
    const option = options.find((c) => sameCoding(coding, c));
    if (option?.code !== undefined) ticked.add(option.code);
    else if (sameCoding(coding, noneCoding(sys))) none = true;
    else if (q.unknownAllowed && sameCoding(coding, NOT_SURE)) unsure = true;
    else throw new FhirError('invalid_answer', 'This answer is not one of the item\'s answerOption codings.', `${path}.answer[${i}]`);
  }
  if (none && answers.length > 1) throw new FhirError('invalid_answer', '"None of these" goes on its own, with no other answer.', path);
  if (none) return fill(false);
  // "I'm not sure" may come with ticked options, as on the web page: those are yes, the others unsure.
  return Object.fromEntries(q.findings.map((f) => [f, ticked.has(f) ? true : unsure ? UNKNOWN : false]));
}

/**
 * The engine's answers for one question, from the response item with its linkId (`path` names it for errors). An
 * unanswered number that allows "I'm not sure" (blank, or the data-absent-reason extension) is "unknown"; any other
 * unanswered item is an error, as is an answer whose type is not the item's.
 */
export function readAnswer(q: QuestionView, item: fhir4.QuestionnaireResponseItem | undefined, path: string, content: ClinicalContent, sys: FhirSystems): Values {
  const answers = item?.answer ?? [];
  const only = (value: AnswerValue): Values => ({ [linkIdOf(q)]: value });
  if (answers.length === 0) {
    if (q.kind === 'number' && q.unknownAllowed && (item === undefined || (item.item ?? []).length === 0)) return only(UNKNOWN);
    if (item !== undefined && markedUnknown(item) && q.unknownAllowed) return q.kind === 'multi' ? Object.fromEntries(q.findings.map((f) => [f, UNKNOWN])) : only(UNKNOWN);
    throw new FhirError('missing_answer', `"${q.text}" needs an answer.`, path);
  }
  if (q.kind === 'multi') return readMulti(q, answers, path, sys);
  if (answers.length > 1) throw new FhirError('invalid_answer', 'This item takes one answer.', `${path}.answer`);
  const [answer] = answers as [Answer];
  const at = `${path}.answer[0]`;
  switch (q.kind) {
    case 'boolean':
      return only(readBoolean(q, answer, at));
    case 'choice':
      return only(readChoice(q, answer, at, sys));
    case 'number':
      return only(readNumber(q, content, answer, at));
  }
}
