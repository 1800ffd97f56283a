// Test support: a simulated SDC form filler that reads only the items the service returns and answers each one from a
// person's facts (the clinical README's semantics: an unlisted yes/no fact is "no", any other unlisted fact is "I'm not sure").
import type * as fhir4 from 'fhir/r4.js';

export type Facts = Readonly<Record<string, boolean | number | string>>;
export type Post = (body: unknown) => Promise<{ status: number; body: unknown }>;

const YES_NO = 'http://terminology.hl7.org/CodeSystem/v2-0136';
const ASKED_UNKNOWN = 'asked-unknown';

export interface AdaptiveRun {
  /** The level of the contained RiskAssessment, or "out_of_scope" when the check ended without one. */
  level: string;
  /** The linkIds of the items answered, in order. */
  asked: string[];
  final: fhir4.QuestionnaireResponse;
  /** Every response the service gave, in order. */
  responses: fhir4.QuestionnaireResponse[];
}

const isUnsure = (c: fhir4.Coding | undefined) => c?.code === ASKED_UNKNOWN;

function optionCodings(item: fhir4.QuestionnaireItem): fhir4.Coding[] {
  return (item.answerOption ?? []).flatMap((o) => (o.valueCoding === undefined ? [] : [o.valueCoding]));
}

/** The answers a person with these facts gives to one item; none for a number they are not sure of (left blank). */
export function answerItem(item: fhir4.QuestionnaireItem, facts: Facts): fhir4.QuestionnaireResponseItemAnswer[] {
  const fact = (id: string, yesNo: boolean) => facts[id] ?? (yesNo ? false : 'unknown');
  const options = optionCodings(item);
  const unsureOption = options.find(isUnsure);
  switch (item.type) {
    case 'boolean':
      return [{ valueBoolean: fact(item.linkId, true) === true }];
    case 'integer':
    case 'decimal': {
      const v = fact(item.linkId, false);
      if (typeof v !== 'number') return [];
      return [item.type === 'integer' ? { valueInteger: v } : { valueDecimal: v }];
    }
    case 'quantity': {
      const v = fact(item.linkId, false);
      const weeks = (item.extension ?? []).find((e) => e.url.endsWith('questionnaire-unitOption') && e.valueCoding?.code === 'wk')?.valueCoding;
      if (typeof v !== 'number') return [];
      if (weeks === undefined) throw new Error(`${item.linkId} offers no weeks unit`);
      return [{ valueQuantity: { value: v, unit: weeks.display ?? 'weeks', system: weeks.system ?? '', code: 'wk' } }];
    }
    case 'choice': {
      if (item.repeats === true) {
        // "Tick all that apply": the options but "None of these" (exclusive) and "I'm not sure" are the facts' own ids.
        // Ticked facts are yes; "I'm not sure" beside them makes the unticked ones unsure, as on the web page.
        const exclusive = (o: fhir4.QuestionnaireItemAnswerOption) => (o.extension ?? []).some((e) => e.url.endsWith('questionnaire-optionExclusive'));
        const facts_ = (item.answerOption ?? []).filter((o) => !exclusive(o) && !isUnsure(o.valueCoding)).flatMap((o) => (o.valueCoding ? [o.valueCoding] : []));
        const none = (item.answerOption ?? []).find((o) => exclusive(o) && !isUnsure(o.valueCoding))?.valueCoding;
        const values = facts_.map((c) => fact(c.code ?? '', true));
        const ticked = facts_.filter((_c, i) => values[i] === true).map((c) => ({ valueCoding: c }));
        const unsure = values.some((v) => v === 'unknown') && unsureOption !== undefined ? [{ valueCoding: unsureOption }] : [];
        if (ticked.length + unsure.length > 0) return [...ticked, ...unsure];
        if (none === undefined) throw new Error(`${item.linkId} has no "None of these"`);
        return [{ valueCoding: none }];
      }
      if (options.some((c) => c.system === YES_NO)) {
        const v = fact(item.linkId, true);
        const pick = v === 'unknown' ? unsureOption : options.find((c) => c.system === YES_NO && c.code === (v === true ? 'Y' : 'N'));
        if (pick === undefined) throw new Error(`${item.linkId}: no option for ${String(v)}`);
        return [{ valueCoding: pick }];
      }
      const v = fact(item.linkId, false);
      const pick = options.find((c) => !isUnsure(c) && c.code === v) ?? unsureOption;
      if (pick === undefined) throw new Error(`${item.linkId}: no option for ${String(v)}`);
      return [{ valueCoding: pick }];
    }
    case 'group': case 'display': case 'question': case 'string': case 'text': case 'url': case 'date': case 'dateTime':
    case 'time': case 'open-choice': case 'attachment': case 'reference':
      throw new Error(`${item.linkId}: the check never asks a ${item.type} item`);
  }
}

/** The item the service added last: the one to answer next. */
export function newestItem(response: fhir4.QuestionnaireResponse): fhir4.QuestionnaireItem | undefined {
  const questionnaire = (response.contained ?? []).find((r): r is fhir4.Questionnaire => r.resourceType === 'Questionnaire' && `#${r.id ?? ''}` === response.questionnaire);
  return questionnaire?.item?.at(-1);
}

/** The response with the newest item answered (or left blank) by `answer`, ready to post back. */
export function answerNewest(response: fhir4.QuestionnaireResponse, answer: (item: fhir4.QuestionnaireItem) => fhir4.QuestionnaireResponseItemAnswer[]): fhir4.QuestionnaireResponse {
  const item = newestItem(response);
  if (item === undefined) throw new Error('an in-progress response with no new item');
  const given = answer(item);
  return { ...response, item: [...(response.item ?? []), { linkId: item.linkId, ...(item.text === undefined ? {} : { text: item.text }), ...(given.length === 0 ? {} : { answer: given }) }] };
}

/** Drives a whole check: start empty, answer each new item, post the response back, until it is completed. */
export async function runAdaptive(post: Post, facts: Facts, maxSteps = 100): Promise<AdaptiveRun> {
  let response: fhir4.QuestionnaireResponse = { resourceType: 'QuestionnaireResponse', status: 'in-progress' };
  const responses: fhir4.QuestionnaireResponse[] = [];
  const asked: string[] = [];
  for (let step = 0; step <= maxSteps; step++) {
    const res = await post(response);
    if (res.status !== 200) throw new Error(`$next-question gave ${res.status}: ${JSON.stringify(res.body)}`);
    response = res.body as fhir4.QuestionnaireResponse;
    responses.push(response);
    if (response.status === 'completed') {
      const risk = (response.contained ?? []).find((r): r is fhir4.RiskAssessment => r.resourceType === 'RiskAssessment');
      return { level: risk?.prediction?.[0]?.qualitativeRisk?.coding?.[0]?.code ?? 'out_of_scope', asked, final: response, responses };
    }
    asked.push(newestItem(response)?.linkId ?? '');
    response = answerNewest(response, (item) => answerItem(item, facts));
  }
  throw new Error(`no result after ${maxSteps} items`);
}
