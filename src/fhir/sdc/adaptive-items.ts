// One question of the check (the engine's QuestionView) as a Questionnaire item any SDC form filler can show and answer.
import type * as fhir4 from 'fhir/r4.js';
import type { FhirSystems } from '../../clinic/fhir/fhir-systems.js';
import type { ClinicalContent, QuestionView } from '../../engine/types.js';
import { EXT, itemControl, NO, NOT_SURE, UCUM, UNIT_CODES, YES } from '../fhir-codes.js';

/** The check's words for the two exclusive answers of a "tick all that apply" question. */
export const NONE_OF_THESE = 'None of these';
const BLANK_IF_UNSURE = "If you're not sure, leave this blank.";

/** The Coding a "tick all that apply" question uses for "None of these". */
export function noneCoding(sys: FhirSystems): fhir4.Coding {
  return { system: sys.codeSystem('creak-answer'), code: 'none', display: NONE_OF_THESE };
}

/** The item's linkId: the finding for one-finding questions (as in the exported Questionnaire), else the question id. */
export function linkIdOf(q: QuestionView): string {
  return q.kind === 'multi' ? q.id : (q.finding ?? q.findings[0] ?? q.id);
}

/** The options of a choice question as Codings, in the exported Questionnaire's per-finding value system. */
export function choiceCodings(q: QuestionView, sys: FhirSystems): fhir4.Coding[] {
  const finding = linkIdOf(q);
  return (q.options ?? []).map((o) => ({ system: sys.valueSystem(finding), code: o.value, display: o.label }));
}

/** The options of a multi question as Codings (one per finding), without "None of these" and "I'm not sure". */
export function multiCodings(q: QuestionView, sys: FhirSystems): fhir4.Coding[] {
  return (q.options ?? []).map((o) => ({ system: sys.findingSystem, code: o.finding ?? o.value, display: o.label }));
}

function helpItem(linkId: string, q: QuestionView, extra: readonly string[]): fhir4.QuestionnaireItem[] {
  const lines = [
    ...(q.hint === undefined ? [] : [q.hint]),
    ...(q.options ?? []).filter((o) => o.hint !== undefined).map((o) => `${o.label}: ${o.hint ?? ''}`),
    ...extra,
  ];
  if (lines.length === 0) return [];
  return [{ linkId: `${linkId}.help`, type: 'display', text: lines.join('\n'), extension: [itemControl('help')] }];
}

function exclusive(coding: fhir4.Coding): fhir4.QuestionnaireItemAnswerOption {
  return { valueCoding: coding, extension: [{ url: EXT.optionExclusive, valueBoolean: true }] };
}

function numberItem(q: QuestionView, content: ClinicalContent, base: fhir4.QuestionnaireItem): fhir4.QuestionnaireItem {
  const def = content.findings.get(linkIdOf(q));
  const min = q.min ?? (def?.type === 'number' ? def.min : undefined);
  const max = q.max ?? (def?.type === 'number' ? def.max : undefined);
  const units = q.units ?? [];
  if (units.length > 0) {
    return {
      ...base, type: 'quantity',
      extension: units.map((u) => ({ url: EXT.unitOption, valueCoding: { system: UCUM, code: UNIT_CODES[u].code, display: UNIT_CODES[u].display } })),
    };
  }
  const integer = def?.type === 'number' && def.integer;
  const bound = (url: string, value: number | undefined): fhir4.Extension[] =>
    value === undefined ? [] : [integer ? { url, valueInteger: value } : { url, valueDecimal: value }];
  return { ...base, type: integer ? 'integer' : 'decimal', extension: [...bound(EXT.minValue, min), ...bound(EXT.maxValue, max)] };
}

/**
 * The item for a question: yes/no (with "I'm not sure" as HL7's yesnodontknow codes where it is allowed), one choice,
 * "tick all that apply" as a repeating choice with check boxes and the exclusive "None of these" and "I'm not sure",
 * and numbers (a quantity with the units a person may answer in, when the question has units). "I'm not sure" to a
 * number is a blank answer, as the help text says.
 */
export function adaptiveItem(q: QuestionView, content: ClinicalContent, sys: FhirSystems): fhir4.QuestionnaireItem {
  const linkId = linkIdOf(q);
  const unsureNumber = q.kind === 'number' && q.unknownAllowed;
  const help = helpItem(linkId, q, unsureNumber ? [BLANK_IF_UNSURE] : []);
  const base: fhir4.QuestionnaireItem = { linkId, text: q.text, type: 'display', required: !unsureNumber, ...(help.length === 0 ? {} : { item: help }) };
  switch (q.kind) {
    case 'boolean':
      return q.unknownAllowed
        ? { ...base, type: 'choice', extension: [itemControl('radio-button')], answerOption: [YES, NO, NOT_SURE].map((c) => ({ valueCoding: c })) }
        : { ...base, type: 'boolean' };
    case 'choice':
      return {
        ...base, type: 'choice', extension: [itemControl('radio-button')],
        answerOption: [...choiceCodings(q, sys).map((c) => ({ valueCoding: c })), ...(q.unknownAllowed ? [{ valueCoding: NOT_SURE }] : [])],
      };
    case 'multi':
      return {
        ...base, type: 'choice', repeats: true, extension: [itemControl('check-box')],
        answerOption: [
          ...multiCodings(q, sys).map((c) => ({ valueCoding: c })),
          exclusive(noneCoding(sys)),
          ...(q.unknownAllowed ? [{ valueCoding: NOT_SURE }] : []),
        ],
      };
    case 'number':
      return numberItem(q, content, base);
  }
}
