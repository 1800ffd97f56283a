// The check's content as a FHIR R4 Questionnaire, so other FHIR tools can show it: one item per finding (a group for
// "any of these" questions), Yes/No/Not sure as choices where "I'm not sure" is offered, and enableWhen on
// body_region where the rules limit a question to some regions.
import type * as fhir4 from 'fhir/r4.js';
import type { ClinicalContent, FindingDef, QuestionDef } from '../../engine/types.js';
import { regionLabels } from '../levels.js';
import { ASKED_UNKNOWN, fhirSystems } from './fhir-systems.js';
import { questionRegions } from './region-scope.js';

type Item = fhir4.QuestionnaireItem;

function yesNoUnsure(answerSystem: string): fhir4.QuestionnaireItemAnswerOption[] {
  return [
    { valueCoding: { system: answerSystem, code: 'yes', display: 'Yes' } },
    { valueCoding: { system: answerSystem, code: 'no', display: 'No' } },
    { valueCoding: ASKED_UNKNOWN },
  ];
}

function numberItem(linkId: string, text: string, def: Extract<FindingDef, { type: 'number' }>, q: QuestionDef): Item {
  const integer = def.integer;
  const unitWord = (q.units ?? []).length > 0 ? ' (in weeks)' : '';
  return {
    linkId, text: `${text}${unitWord}`, type: integer ? 'integer' : 'decimal', required: !q.unknownAllowed,
    extension: [
      { url: 'http://hl7.org/fhir/StructureDefinition/minValue', ...(integer ? { valueInteger: def.min } : { valueDecimal: def.min }) },
      { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', ...(integer ? { valueInteger: def.max } : { valueDecimal: def.max }) },
    ],
  };
}

function itemFor(content: ClinicalContent, q: QuestionDef, answerSystem: string, findingSystem: string): Item {
  const finding = q.findings[0] ?? q.id;
  const def = content.findings.get(finding);
  switch (q.kind) {
    case 'boolean':
      return q.unknownAllowed
        ? { linkId: finding, text: q.text, type: 'choice', answerOption: yesNoUnsure(answerSystem) }
        : { linkId: finding, text: q.text, type: 'boolean', required: true };
    case 'number':
      return def?.type === 'number' ? numberItem(finding, q.text, def, q) : { linkId: finding, text: q.text, type: 'decimal' };
    case 'choice':
      return {
        linkId: finding, text: q.text, type: 'choice', required: !q.unknownAllowed,
        answerOption: [
          ...(q.options ?? []).map((o) => ({ valueCoding: { system: `${findingSystem}/${finding}`, code: o.value, display: o.label } })),
          ...(q.unknownAllowed ? [{ valueCoding: ASKED_UNKNOWN }] : []),
        ],
      };
    case 'multi':
      return {
        linkId: q.id, text: q.text, type: 'group',
        item: (q.options ?? []).map((o): Item => {
          const f = o.finding ?? o.value;
          return { linkId: f, text: o.label, type: 'choice', answerOption: yesNoUnsure(answerSystem) };
        }),
      };
  }
}

/** Builds the Questionnaire for this content version. */
export function contentQuestionnaire(content: ClinicalContent, baseUrl: string, clinicName: string): fhir4.Questionnaire {
  const sys = fhirSystems(baseUrl);
  const regionSystem = `${sys.findingSystem}/body_region`;
  return {
    resourceType: 'Questionnaire',
    id: `creak-self-check-${content.version}`,
    url: sys.questionnaireUrl,
    version: content.version,
    name: 'CreakSelfCheck',
    title: `Joint noises and back pain self-check (${clinicName})`,
    status: 'active',
    subjectType: ['Patient'],
    description: 'Questions asked by the self-check. Which of them a person sees depends on earlier answers; enableWhen shows the body areas each question can be asked for.',
    item: content.questions.map((q) => {
      const item = itemFor(content, q, sys.answerSystem, sys.findingSystem);
      const regions = questionRegions(content, q);
      if (regions === undefined) return item;
      return {
        ...item,
        enableBehavior: 'any' as const,
        enableWhen: regions.map((r) => ({
          question: 'body_region', operator: '=' as const, answerCoding: { system: regionSystem, code: r, display: regionLabels(content)[r] ?? r },
        })),
      };
    }),
  };
}
