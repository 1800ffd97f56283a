// The check's content as a FHIR R4 Questionnaire, derived from the content alone: one item per finding (a group for
// "tick all that apply" questions and for numbers that offer "I'm not sure"), HL7's yes/no/don't know answers, help
// text, units, and enableWhen worked out from the rules (body region, main concern, age, earlier answers, the
// under-16 exit and the emergency stop where a single earlier answer decides it).
import type * as fhir4 from 'fhir/r4.js';
import type { ClinicalContent, QuestionDef } from '../../engine/types.js';
import { AGE_FINDING } from './enable-scope.js';
import { ageBelow, enableFields, findingConditions, gateItemConditions, groupConditions } from './enable-when.js';
import { ASKED_UNKNOWN, EXT, fhirSystems, itemControl, type FhirSystems } from './fhir-systems.js';
import { narrative } from './narrative.js';
import { answerOptions, findingCodes, formQuestions, itemLayout, type FindingItem } from './questionnaire-items.js';

type Item = fhir4.QuestionnaireItem;

const ADAPTIVE = 'This form lists the questions of an adaptive check. The check itself asks one question at a time, only the '
  + 'questions whose answers could still change the result, most urgent first, and stops at once on an emergency; working '
  + 'out that order and the result (the triage level, with its reasons) needs the service. The enableWhen conditions here '
  + 'show each question only for the body areas, main concerns, ages and earlier answers for which the check can ask it, so '
  + 'a form may show a few questions the check would not have needed.';

function helpItem(linkId: string, text: string): Item {
  return { linkId: `${linkId}-help`, type: 'display', text, extension: [itemControl('help')] };
}

function hintText(q: QuestionDef): string | undefined {
  const optionHints = q.kind === 'multi' ? [] : (q.options ?? []).flatMap((o) => (o.hint === undefined ? [] : [`${o.label}: ${o.hint}`]));
  const lines = [...(q.hint === undefined ? [] : [q.hint]), ...optionHints];
  return lines.length === 0 ? undefined : lines.join(' ');
}

function numberExtensions(content: ClinicalContent, item: FindingItem): fhir4.Extension[] {
  const def = content.findings.get(item.finding);
  if (def?.type !== 'number') return [];
  const bound = (url: string, n: number): fhir4.Extension => (def.integer ? { url, valueInteger: n } : { url, valueDecimal: n });
  // Durations are answered in any unit the check offers and stored in weeks, so the item takes weeks (UCUM "wk").
  const unit = (def.units ?? []).length > 0 ? [{ url: EXT.unit, valueCoding: { system: 'http://unitsofmeasure.org', code: 'wk', display: 'weeks' } }] : [];
  return [bound(EXT.minValue, def.min), bound(EXT.maxValue, def.max), ...unit];
}

/** The item for one finding, with its own conditions unless a group carries them. */
function findingItem(content: ClinicalContent, sys: FhirSystems, item: FindingItem, conditions: readonly fhir4.QuestionnaireItemEnableWhen[]): Item {
  const def = content.findings.get(item.finding);
  const base: Item = {
    linkId: item.linkId, code: findingCodes(sys, item), text: item.text, type: item.type,
    ...(def?.required === true ? { required: true } : {}),
    ...enableFields(conditions),
  };
  switch (item.type) {
    case 'choice':
      return { ...base, answerOption: answerOptions(sys, content, item), extension: [itemControl('radio-button'), { url: EXT.choiceOrientation, valueCode: item.yesNo ? 'horizontal' : 'vertical' }] };
    case 'integer':
    case 'decimal':
      return { ...base, extension: numberExtensions(content, item) };
    case 'boolean':
      return base;
  }
}

function questionItems(content: ClinicalContent, sys: FhirSystems, q: QuestionDef): Item[] {
  const layout = itemLayout(content);
  const items = q.findings.flatMap((f) => {
    const it = layout.byFinding.get(f);
    return it?.question === q ? [it] : [];
  });
  const first = items[0];
  if (first === undefined) return [];
  const hint = hintText(q);
  const group = layout.groups.get(q.id);
  if (q.kind === 'multi' && group !== undefined) {
    return [{
      linkId: group, text: q.text, type: 'group', ...enableFields(groupConditions(content, sys, q.findings)),
      item: [
        ...(hint === undefined ? [] : [helpItem(group, hint)]),
        ...items.map((it) => {
          const option = q.options?.find((o) => (o.finding ?? o.value) === it.finding);
          const sub = findingItem(content, sys, it, findingConditions(content, sys, it.finding));
          return option?.hint === undefined ? sub : { ...sub, item: [helpItem(it.linkId, option.hint)] };
        }),
      ],
    }];
  }
  const conditions = content.findings.get(first.finding)?.required === true
    ? gateItemConditions(content, first.finding) : findingConditions(content, sys, first.finding);
  if (first.unknownLinkId !== undefined && group !== undefined) {
    const unknown = { system: ASKED_UNKNOWN.system, code: ASKED_UNKNOWN.code };
    return [{
      linkId: group, type: 'group', ...enableFields(conditions),
      item: [
        { ...findingItem(content, sys, first, [{ question: first.unknownLinkId, operator: '!=', answerCoding: unknown }]), ...(hint === undefined ? {} : { item: [helpItem(first.linkId, hint)] }) },
        {
          linkId: first.unknownLinkId, code: findingCodes(sys, first), text: "I'm not sure", type: 'choice',
          answerOption: [{ valueCoding: { ...ASKED_UNKNOWN } }], extension: [itemControl('check-box')],
        },
      ],
    }];
  }
  const single = findingItem(content, sys, first, conditions);
  return [hint === undefined ? single : { ...single, item: [helpItem(first.linkId, hint)] }];
}

/** The Questionnaire's canonical id for a content version. */
export function questionnaireId(version: string): string {
  return `creak-self-check-${version}`;
}

/**
 * The Questionnaire for this content version, identical for every deployment: its canonical URL is rooted at the
 * canonical base (FHIR_CANONICAL_BASE), never at the service's address.
 */
export function contentQuestionnaire(content: ClinicalContent, canonicalBase: string): fhir4.Questionnaire {
  const sys = fhirSystems(canonicalBase);
  const items = formQuestions(content).flatMap((q) => {
    const built = questionItems(content, sys, q);
    if (!q.findings.includes(AGE_FINDING)) return built;
    const outOfScope: Item = {
      linkId: 'out-of-scope', type: 'display', text: `This check is for people aged ${String(content.minimumAge)} and over, so it ends here.`,
      enableWhen: [ageBelow(content, content.minimumAge)],
    };
    return [...built, outOfScope];
  });
  const title = 'Joint noises and back pain self-check';
  return {
    resourceType: 'Questionnaire',
    id: questionnaireId(content.version),
    text: narrative(title, [
      ['Version', content.version], ADAPTIVE,
      { list: content.questions.map((q) => q.text) },
    ]),
    url: sys.questionnaireUrl,
    version: content.version,
    name: 'CreakSelfCheck',
    title,
    status: 'active',
    experimental: false,
    subjectType: ['Patient'],
    publisher: 'Creak',
    description: ADAPTIVE,
    item: items,
  };
}
