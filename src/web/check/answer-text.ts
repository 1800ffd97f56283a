// Answers in words, for the check-your-answers page and the "why" part of a result.
import { UNKNOWN, type AnswerValue, type ClinicalContent, type QuestionDef, type QuestionView } from '../../engine/types.js';
import { durationParts } from './question-input.js';

const UNIT_WORDS = { days: ['day', 'days'], weeks: ['week', 'weeks'], months: ['month', 'months'] } as const;

function numberText(question: Pick<QuestionView, 'units' | 'min' | 'max'>, value: number): string {
  // A 0 to 10 score reads better with its scale.
  if ((question.units ?? []).length === 0) return question.min === 0 && question.max === 10 ? `${String(value)} out of 10` : String(value);
  const { value: n, unit } = durationParts(value);
  return `${n} ${n === '1' ? UNIT_WORDS[unit][0] : UNIT_WORDS[unit][1]}`;
}

/** What was answered on one page, in words ("Yes", "Lower back", "3 weeks", "None of these"). */
export function answerText(question: QuestionView, values: Readonly<Record<string, AnswerValue>>): string {
  const vals = question.findings.map((f) => values[f]);
  if (vals.length > 0 && vals.every((v) => v === UNKNOWN)) return "I'm not sure";
  const v = vals[0];
  switch (question.kind) {
    case 'boolean':
      return v === true ? 'Yes' : 'No';
    case 'choice':
      return question.options?.find((o) => o.value === v)?.label ?? String(v);
    case 'number':
      return typeof v === 'number' ? numberText(question, v) : String(v);
    case 'multi': {
      const ticked = (question.options ?? []).filter((o) => values[o.finding ?? o.value] === true).map((o) => o.label);
      return ticked.length === 0 ? 'None of these' : ticked.join('; ');
    }
  }
}

interface FindingPlace {
  question: QuestionDef;
  optionLabel?: string;
}

const places = new WeakMap<ClinicalContent, ReadonlyMap<string, FindingPlace>>();

function placesFor(content: ClinicalContent): ReadonlyMap<string, FindingPlace> {
  let map = places.get(content);
  if (map === undefined) {
    const built = new Map<string, FindingPlace>();
    for (const question of content.questions) {
      for (const finding of question.findings) {
        if (built.has(finding)) continue;
        const option = question.kind === 'multi' ? question.options?.find((o) => (o.finding ?? o.value) === finding) : undefined;
        built.set(finding, option === undefined ? { question } : { question, optionLabel: option.label });
      }
    }
    map = built;
    places.set(content, map);
  }
  return map;
}

/** A finding and its answer in words, for explaining a result: "Where is the noise or pain? — Lower back". */
export function findingLine(content: ClinicalContent, finding: string, value: AnswerValue | undefined): { label: string; answer: string } {
  const place = placesFor(content).get(finding);
  if (place === undefined) {
    // A finding the check works out rather than asks (e.g. the age back pain began).
    const def = content.findings.get(finding);
    return { label: def?.meaning ?? finding, answer: value === undefined ? 'Worked out from your answers' : value === true ? 'Yes' : value === false ? 'No' : String(value) };
  }
  if (place.optionLabel !== undefined) {
    return { label: place.optionLabel, answer: value === UNKNOWN ? "I'm not sure" : value === true ? 'Yes' : value === false ? 'No' : 'Worked out from your answers' };
  }
  const q = place.question;
  const def = content.findings.get(finding);
  const view: QuestionView = {
    id: q.id, kind: q.kind, findings: [finding], text: q.text, unknownAllowed: q.unknownAllowed, stage: 'about_you',
    ...(q.options === undefined ? {} : { options: q.options }), ...(q.units === undefined ? {} : { units: q.units }),
    ...(def?.type === 'number' ? { min: def.min, max: def.max } : {}),
  };
  return { label: q.text, answer: value === undefined ? 'Worked out from your answers' : answerText(view, { [finding]: value }) };
}
