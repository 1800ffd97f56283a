// A person's answers as a QuestionnaireResponse, filled in from the very Questionnaire version it names (as any form
// filler would): the same linkIds, texts, nesting and answer types, whatever content version that was.
import type * as fhir4 from 'fhir/r4.js';
import { UNKNOWN, type AnswerValue, type Answers } from '../../engine/types.js';
import { ASKED_UNKNOWN, NO, YES } from './fhir-systems.js';
import { narrative } from './narrative.js';

type Item = fhir4.QuestionnaireItem;
type Answer = fhir4.QuestionnaireResponseItemAnswer;

/** The finding an item asks (its code in Creak's finding system), if any. */
function findingOf(item: Item, findingSystem: string): string | undefined {
  return item.code?.find((c) => c.system === findingSystem)?.code;
}

function optionFor(item: Item, wanted: (c: fhir4.Coding) => boolean): Answer | undefined {
  const coding = item.answerOption?.find((o) => o.valueCoding !== undefined && wanted(o.valueCoding))?.valueCoding;
  return coding === undefined ? undefined : { valueCoding: { ...coding } };
}

/** The answer to one item for a finding's value, or undefined when this item does not hold that value. */
function answerFor(item: Item, value: AnswerValue): Answer | undefined {
  const unknownOnly = item.type === 'choice' && item.answerOption?.length === 1 && item.answerOption[0]?.valueCoding?.code === ASKED_UNKNOWN.code;
  if (value === UNKNOWN) return item.type === 'choice' ? optionFor(item, (c) => c.system === ASKED_UNKNOWN.system && c.code === ASKED_UNKNOWN.code) : undefined;
  if (unknownOnly) return undefined;
  switch (item.type) {
    case 'boolean':
      return typeof value === 'boolean' ? { valueBoolean: value } : undefined;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? { valueInteger: value } : undefined;
    case 'decimal':
      // The answer type is the item's type, whole number or not (LHC-Forms drops a valueInteger in a decimal item).
      return typeof value === 'number' ? { valueDecimal: value } : undefined;
    case 'choice':
      if (typeof value === 'boolean') {
        const yn = value ? YES : NO;
        return optionFor(item, (c) => c.system === yn.system && c.code === yn.code);
      }
      return typeof value === 'string' ? optionFor(item, (c) => c.code === value && c.system !== ASKED_UNKNOWN.system) : undefined;
    case 'attachment': case 'date': case 'dateTime': case 'display': case 'group': case 'open-choice': case 'quantity':
    case 'question': case 'reference': case 'string': case 'text': case 'time': case 'url':
      // Creak's Questionnaires ask none of these.
      return undefined;
  }
}

export interface FilledItems {
  items: fhir4.QuestionnaireResponseItem[];
  /** Answered findings no item of this Questionnaire can hold (none for answers the check itself collected). */
  unplaced: string[];
}

/** Fills the Questionnaire's items with the answers, keeping its order; unanswered items and empty groups are left out. */
export function fillItems(questionnaire: fhir4.Questionnaire, answers: Answers, findingSystem: string): FilledItems {
  const placed = new Set<string>();
  const fill = (items: readonly Item[] | undefined): fhir4.QuestionnaireResponseItem[] => (items ?? []).flatMap((item): fhir4.QuestionnaireResponseItem[] => {
    if (item.type === 'display') return [];
    const base = { linkId: item.linkId, ...(item.text === undefined ? {} : { text: item.text }) };
    if (item.type === 'group') {
      const children = fill(item.item);
      return children.length === 0 ? [] : [{ ...base, item: children }];
    }
    const finding = findingOf(item, findingSystem);
    const value = finding === undefined ? undefined : answers[finding];
    const answer = value === undefined ? undefined : answerFor(item, value);
    if (answer === undefined || finding === undefined) return [];
    placed.add(finding);
    return [{ ...base, answer: [answer] }];
  });
  const items = fill(questionnaire.item);
  return { items, unplaced: Object.keys(answers).filter((f) => !placed.has(f)) };
}

export interface ResponseMeta {
  identifier?: fhir4.Identifier;
  subject?: fhir4.Reference;
  authored?: string;
  status?: fhir4.QuestionnaireResponse['status'];
}

/** The QuestionnaireResponse for these answers to this Questionnaire (`questionnaire` names its url|version). */
export function questionnaireResponse(questionnaire: fhir4.Questionnaire, answers: Answers, findingSystem: string, meta: ResponseMeta = {}): fhir4.QuestionnaireResponse {
  const { items } = fillItems(questionnaire, answers, findingSystem);
  const lines: string[] = [];
  const walk = (list: readonly fhir4.QuestionnaireResponseItem[]): void => {
    for (const i of list) {
      const a = i.answer?.[0];
      if (a !== undefined) {
        const v = a.valueCoding?.display ?? a.valueCoding?.code ?? (a.valueBoolean === undefined ? undefined : a.valueBoolean ? 'Yes' : 'No')
          ?? String(a.valueDecimal ?? a.valueInteger ?? a.valueString ?? '');
        lines.push(`${i.text ?? i.linkId} ${v}`);
      }
      walk(i.item ?? []);
    }
  };
  walk(items);
  return {
    resourceType: 'QuestionnaireResponse',
    text: narrative(`Answers to ${questionnaire.title ?? 'the self-check'} (version ${questionnaire.version ?? ''})`, [{ list: lines }]),
    ...(meta.identifier === undefined ? {} : { identifier: meta.identifier }),
    questionnaire: `${questionnaire.url ?? ''}|${questionnaire.version ?? ''}`,
    status: meta.status ?? 'completed',
    ...(meta.subject === undefined ? {} : { subject: meta.subject }),
    ...(meta.authored === undefined ? {} : { authored: meta.authored }),
    item: items,
  };
}
