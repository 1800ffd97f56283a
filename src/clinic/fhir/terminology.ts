// The code systems, value sets, concept map and extension definition that Creak's exports name, built from the
// content version they belong to, so every canonical URL in an export resolves to a resource this service serves.
import type * as fhir4 from 'fhir/r4.js';
import { LEVELS, levelRank, type ClinicalContent } from '../../engine/types.js';
import { LEVEL_LABEL } from '../levels.js';
import { fhirSystems, valueSystemName, type FhirSystems } from './fhir-systems.js';
import { narrative } from './narrative.js';
import { choiceLabel, itemLayout } from './questionnaire-items.js';
import { ASSESSMENT_CODES, PREDICTION_BASIS } from './risk-assessment.js';
import { BODY_REGION_CODES, FINDING_CODES, type ExternalCode } from './terminology-map.js';
import { NONE_OF_THESE } from '../../fhir/sdc/adaptive-items.js';

type Concept = fhir4.CodeSystemConcept;

/** A definition this service publishes. */
export type Definition = fhir4.Questionnaire | fhir4.CodeSystem | fhir4.ValueSet | fhir4.ConceptMap | fhir4.StructureDefinition;

/** A published resource's id: its name and the content version (ids are unique per version; the url is not). */
export function versionedId(name: string, version: string): string {
  return `${name}-${version}`.slice(0, 64);
}

function codeSystem(sys: FhirSystems, version: string, name: string, title: string, description: string, concept: Concept[], property?: fhir4.CodeSystemProperty[]): fhir4.CodeSystem {
  return {
    resourceType: 'CodeSystem',
    id: versionedId(name, version),
    text: narrative(title, [description, { list: concept.map((c) => `${c.code}: ${c.display ?? ''}`) }]),
    url: sys.codeSystem(name),
    version,
    name: name.replace(/(^|-)([a-z])/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
    title,
    status: 'active',
    experimental: false,
    publisher: 'Creak',
    description,
    caseSensitive: true,
    valueSet: sys.valueSet(name),
    content: 'complete',
    count: concept.length,
    ...(property === undefined ? {} : { property }),
    concept,
  };
}

function valueSetFor(cs: fhir4.CodeSystem, sys: FhirSystems, name: string): fhir4.ValueSet {
  return {
    resourceType: 'ValueSet',
    id: cs.id ?? name,
    text: narrative(`${cs.title ?? name} (all codes)`, [`Every code of ${cs.url ?? ''}.`]),
    url: sys.valueSet(name),
    ...(cs.version === undefined ? {} : { version: cs.version }),
    name: cs.name ?? name,
    title: cs.title ?? name,
    status: 'active',
    experimental: false,
    publisher: 'Creak',
    description: `Every code of the code system ${cs.title ?? name}.`,
    compose: { include: [{ system: cs.url ?? '', ...(cs.version === undefined ? {} : { version: cs.version }) }] },
  };
}

function findingConcepts(content: ClinicalContent): Concept[] {
  const layout = itemLayout(content);
  return [...content.findings.values()].map((def) => ({
    code: def.id, display: layout.byFinding.get(def.id)?.text ?? def.meaning, definition: def.meaning,
  }));
}

function conceptMap(sys: FhirSystems, content: ClinicalContent): fhir4.ConceptMap {
  const groups = (source: string, codes: Readonly<Record<string, ExternalCode>>, known: (code: string) => boolean): fhir4.ConceptMapGroup[] => {
    const entries = Object.entries(codes).filter(([code]) => known(code));
    const targets = [...new Set(entries.map(([, e]) => e.system))];
    return targets.map((target) => ({
      source, ...(content.version === '' ? {} : { sourceVersion: content.version }), target,
      element: entries.filter(([, e]) => e.system === target).map(([code, e]) => ({
        code,
        target: [{ code: e.code, display: e.display, equivalence: e.equivalence, comment: [`Read in: ${e.source}.`, e.comment ?? ''].join(' ').trim() }],
      })),
    }));
  };
  const region = content.findings.get('body_region');
  const regionValues = region?.type === 'choice' ? new Set(region.values) : new Set<string>();
  const group = [
    ...groups(sys.findingSystem, FINDING_CODES, (f) => content.findings.has(f)),
    ...groups(sys.valueSystem('body_region'), BODY_REGION_CODES, (v) => regionValues.has(v)),
  ];
  return {
    resourceType: 'ConceptMap',
    id: versionedId('creak-to-snomed-loinc', content.version),
    text: narrative('Creak codes to SNOMED CT and LOINC', [
      'Only codes read in a published source are mapped (each target says where); every other Creak code has no mapping.',
      { list: group.flatMap((g) => g.element.map((e) => `${e.code} → ${g.target ?? ''}#${e.target?.[0]?.code ?? ''} (${e.target?.[0]?.equivalence ?? ''})`)) },
    ]),
    url: `${sys.canonicalBase}/ConceptMap/creak-to-snomed-loinc`,
    version: content.version,
    name: 'CreakToSnomedLoinc',
    title: 'Creak codes to SNOMED CT and LOINC',
    status: 'active',
    experimental: false,
    publisher: 'Creak',
    description: 'Body regions and findings of the check mapped to SNOMED CT and LOINC where a published source gives the code.',
    group,
  };
}

function predictionBasisExtension(sys: FhirSystems, version: string): fhir4.StructureDefinition {
  return {
    resourceType: 'StructureDefinition',
    id: versionedId('prediction-basis', version),
    text: narrative('Prediction basis', ['Why a prediction is in a Creak RiskAssessment: a rule fired, or an unsure answer raised the level.']),
    url: sys.predictionBasisUrl,
    version,
    name: 'PredictionBasis',
    title: 'Prediction basis',
    status: 'active',
    publisher: 'Creak',
    description: 'Why a prediction is in a Creak RiskAssessment (codes of creak-prediction-basis).',
    kind: 'complex-type',
    abstract: false,
    context: [{ type: 'element', expression: 'RiskAssessment.prediction' }],
    type: 'Extension',
    baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Extension',
    derivation: 'constraint',
    differential: {
      element: [
        { id: 'Extension', path: 'Extension', short: 'Why this prediction is here', definition: 'Why a prediction is in a Creak RiskAssessment.', min: 0, max: '1' },
        { id: 'Extension.extension', path: 'Extension.extension', max: '0' },
        { id: 'Extension.url', path: 'Extension.url', fixedUri: sys.predictionBasisUrl },
        { id: 'Extension.value[x]', path: 'Extension.value[x]', min: 1, type: [{ code: 'code' }], binding: { strength: 'required', valueSet: sys.valueSet('creak-prediction-basis') } },
      ],
    },
  };
}

/** Every terminology resource of this content version: code systems, their value sets, the concept map, the extension. */
export function terminologyResources(content: ClinicalContent, canonicalBase: string): Definition[] {
  const sys = fhirSystems(canonicalBase);
  const v = content.version;
  const layout = itemLayout(content);
  const systems: [string, fhir4.CodeSystem][] = [
    ['creak-triage-level', codeSystem(sys, v, 'creak-triage-level', 'Triage level', 'How urgently a person needs care, listed least urgent first.',
      [...LEVELS].map((l) => ({ code: l, display: LEVEL_LABEL[l], definition: `Urgency ${String(levelRank(l))} of 0 (self-care) to 4 (emergency): ${LEVEL_LABEL[l]}.` })))],
    ['creak-triage-rule', codeSystem(sys, v, 'creak-triage-rule', 'Triage rule', 'The rules of the triage policy of this content version: each names what it may point to, and its reason.',
      content.rules.map((r) => ({ code: r.id, display: r.title, definition: r.reason, property: [{ code: 'level', valueCoding: { system: sys.levelSystem, code: r.level, display: LEVEL_LABEL[r.level] } }] })),
      [{ code: 'level', description: 'The triage level the rule gives (creak-triage-level)', type: 'Coding' }])],
    ['creak-finding', codeSystem(sys, v, 'creak-finding', 'Finding', 'The facts the check asks about; the display is the question (or option) a person saw.', findingConcepts(content))],
    ['creak-assessment', codeSystem(sys, v, 'creak-assessment', 'Assessment', 'What a Creak RiskAssessment assessed, and how.',
      Object.entries(ASSESSMENT_CODES).map(([code, display]) => ({ code, display })))],
    ['creak-answer', codeSystem(sys, v, 'creak-answer', 'Answer', 'Answers of the check that are not a value of one finding: "None of these" on a "tick all that apply" question.',
      [{ code: 'none', display: NONE_OF_THESE }])],
    ['creak-prediction-basis', codeSystem(sys, v, 'creak-prediction-basis', 'Prediction basis', 'Why a prediction is in a Creak RiskAssessment.',
      Object.entries(PREDICTION_BASIS).map(([code, display]) => ({ code, display })))],
    ...[...content.findings.values()].flatMap((def): [string, fhir4.CodeSystem][] => {
      if (def.type !== 'choice') return [];
      const q = layout.byFinding.get(def.id)?.question;
      const name = valueSystemName(def.id);
      return [[name, codeSystem(sys, v, name, `Values of ${def.id}`, def.meaning,
        def.values.map((value) => ({ code: value, display: q === undefined ? value : choiceLabel(q, value) })))]];
    }),
  ];
  return [
    ...systems.flatMap(([name, cs]) => [cs, valueSetFor(cs, sys, name)]),
    conceptMap(sys, content),
    predictionBasisExtension(sys, v),
  ];
}
