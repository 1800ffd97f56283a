// The shape of the check as Questionnaire items, shared by the Questionnaire and its responses: one linkId, text,
// type and code per finding, so a response always matches the Questionnaire it names.
import type * as fhir4 from 'fhir/r4.js';
import type { ClinicalContent, FindingDef, QuestionDef } from '../../engine/types.js';
import { ASKED_UNKNOWN, NO, YES, type FhirSystems } from './fhir-systems.js';
import { FINDING_CODES } from './terminology-map.js';

/** How one finding is asked: its item's linkId and answer type, and where an "I'm not sure" for a number goes. */
export interface FindingItem {
  finding: string;
  question: QuestionDef;
  linkId: string;
  text: string;
  type: 'boolean' | 'choice' | 'integer' | 'decimal';
  /** For a choice item: true when the answers are yes / no / don't know (HL7 yesnodontknow). */
  yesNo: boolean;
  /** Whether the item can hold "I'm not sure". */
  unknown: boolean;
  /** Number items that offer "I'm not sure": the linkId of the item that records it. */
  unknownLinkId?: string;
  /** The group item of a multi question, or of a number with "I'm not sure". */
  groupLinkId?: string;
}

export interface ItemLayout {
  byFinding: ReadonlyMap<string, FindingItem>;
  /** The group linkId of each question that has one. */
  groups: ReadonlyMap<string, string>;
}

const layouts = new WeakMap<ClinicalContent, ItemLayout>();
const asked = new WeakMap<ClinicalContent, readonly QuestionDef[]>();

/**
 * The content's questions, then one for each finding no question asks but the engine may ask (a finding asked again
 * after "I'm not sure"): every answer the check collects needs an item to go in.
 */
export function formQuestions(content: ClinicalContent): readonly QuestionDef[] {
  let list = asked.get(content);
  if (list === undefined) {
    const covered = new Set(content.questions.flatMap((q) => q.findings));
    // A finding the check never asks (findings.yaml `not_asked`, e.g. noise_type) is no part of the form; an answer
    // to it given through the API stays with the submission and is listed as not placed.
    const extra = [...content.findings.values()].filter((def) => !covered.has(def.id) && def.notAsked === undefined).map((def): QuestionDef => ({
      id: def.id, kind: def.type, findings: [def.id], text: def.meaning, unknownAllowed: !def.required,
      ...(def.type === 'choice' ? { options: def.values.map((v) => ({ value: v, label: v })) } : {}),
    }));
    list = [...content.questions, ...extra];
    asked.set(content, list);
  }
  return list;
}

/** The text of a finding's item: the question's text, or the option's label in a "tick all that apply" question. */
export function findingText(q: QuestionDef, finding: string): string {
  if (q.kind !== 'multi') return q.text;
  return q.options?.find((o) => (o.finding ?? o.value) === finding)?.label ?? finding;
}

/** The layout of every question's items (worked out once per content object); linkIds are unique by construction. */
export function itemLayout(content: ClinicalContent): ItemLayout {
  let layout = layouts.get(content);
  if (layout !== undefined) return layout;
  const used = new Set<string>(content.findings.keys());
  const unique = (wanted: string): string => {
    let id = wanted;
    for (let n = 2; used.has(id); n++) id = `${wanted}-${String(n)}`;
    used.add(id);
    return id;
  };
  const byFinding = new Map<string, FindingItem>();
  const groups = new Map<string, string>();
  for (const q of formQuestions(content)) {
    const needsGroup = q.kind === 'multi' || (q.kind === 'number' && q.findings.some((f) => offersUnknown(content, f)));
    const groupLinkId = needsGroup ? unique(q.id) : undefined;
    if (groupLinkId !== undefined) groups.set(q.id, groupLinkId);
    for (const f of q.findings) {
      if (byFinding.has(f)) continue;
      const def = content.findings.get(f);
      const unknown = offersUnknown(content, f);
      const type = itemType(def, unknown);
      byFinding.set(f, {
        finding: f, question: q, linkId: f, text: findingText(q, f), type, yesNo: type === 'choice' && def?.type === 'boolean', unknown,
        ...(q.kind === 'number' && unknown ? { unknownLinkId: unique(`${f}-unknown`) } : {}),
        ...(groupLinkId === undefined ? {} : { groupLinkId }),
      });
    }
  }
  layout = { byFinding, groups };
  layouts.set(content, layout);
  return layout;
}

/**
 * Whether a finding's item offers "I'm not sure". The engine accepts "unknown" for every finding that is not required
 * (answers.ts), whether or not its page offers it, so the item must be able to hold it or an answer would be lost.
 */
function offersUnknown(content: ClinicalContent, finding: string): boolean {
  return content.findings.get(finding)?.required !== true;
}

function itemType(def: FindingDef | undefined, unknown: boolean): FindingItem['type'] {
  if (def?.type === 'number') return def.integer ? 'integer' : 'decimal';
  if (def?.type === 'choice') return 'choice';
  return unknown ? 'choice' : 'boolean';
}

/** The item's code: Creak's finding, plus a SNOMED CT or LOINC code where one means the same (terminology-map.ts). */
export function findingCodes(sys: FhirSystems, item: FindingItem): fhir4.Coding[] {
  const external = FINDING_CODES[item.finding];
  return [
    { system: sys.findingSystem, code: item.finding, display: item.text },
    ...(external?.equivalence === 'equivalent' ? [{ system: external.system, code: external.code, display: external.display }] : []),
  ];
}

/** The label a person saw for a choice value. */
export function choiceLabel(q: QuestionDef, value: string): string {
  return q.options?.find((o) => o.value === value)?.label ?? value;
}

/** The answer options of a finding's item (choice items only). */
export function answerOptions(sys: FhirSystems, content: ClinicalContent, item: FindingItem): fhir4.QuestionnaireItemAnswerOption[] {
  if (item.type !== 'choice') return [];
  const unsure = item.unknown ? [{ valueCoding: { ...ASKED_UNKNOWN } }] : [];
  if (item.yesNo) return [{ valueCoding: { ...YES } }, { valueCoding: { ...NO } }, ...unsure];
  const def = content.findings.get(item.finding);
  const values = def?.type === 'choice' ? def.values : [];
  return [...values.map((v) => ({ valueCoding: { system: sys.valueSystem(item.finding), code: v, display: choiceLabel(item.question, v) } })), ...unsure];
}
