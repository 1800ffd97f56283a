// The canonical URLs and code systems of Creak's FHIR exports, rooted at one stable canonical base (FHIR_CANONICAL_BASE),
// and the HL7 codes they use: the same for every deployment, whatever its address.

export interface FhirSystems {
  canonicalBase: string;
  questionnaireUrl: string;
  /** The findings (what each question asks): the Questionnaire items' `code`. */
  findingSystem: string;
  /** The values of one choice finding (e.g. the body regions). */
  valueSystem: (finding: string) => string;
  levelSystem: string;
  ruleSystem: string;
  /** What a RiskAssessment assessed and how (the rule set). */
  assessmentSystem: string;
  /** Identifiers: a submission's reference code, and the key that tells one person's sends apart. */
  referenceSystem: string;
  personKeySystem: string;
  /** The extension saying why a prediction is in a RiskAssessment (a rule fired, or an unsure answer raised the level). */
  predictionBasisUrl: string;
  valueSet: (name: string) => string;
  codeSystem: (name: string) => string;
}

/** A choice finding's id as a code system name: body_region → creak-body-region. */
export function valueSystemName(finding: string): string {
  return `creak-${finding.replace(/_/g, '-')}`;
}

export function fhirSystems(canonicalBase: string): FhirSystems {
  const base = canonicalBase.replace(/\/+$/, '');
  const codeSystem = (name: string): string => `${base}/CodeSystem/${name}`;
  return {
    canonicalBase: base,
    questionnaireUrl: `${base}/Questionnaire/creak-self-check`,
    findingSystem: codeSystem('creak-finding'),
    valueSystem: (finding) => codeSystem(valueSystemName(finding)),
    levelSystem: codeSystem('creak-triage-level'),
    ruleSystem: codeSystem('creak-triage-rule'),
    assessmentSystem: codeSystem('creak-assessment'),
    referenceSystem: `${base}/NamingSystem/creak-reference`,
    personKeySystem: `${base}/NamingSystem/creak-person-key`,
    predictionBasisUrl: `${base}/StructureDefinition/prediction-basis`,
    valueSet: (name) => `${base}/ValueSet/${name}`,
    codeSystem,
  };
}

/** HL7's yes/no/don't know answers (ValueSet http://hl7.org/fhir/ValueSet/yesnodontknow, FHIR R4 4.0.1). */
export { EXT, ITEM_CONTROL_SYSTEM, itemControl, NO, YES } from '../../fhir/fhir-codes.js';
/** "I'm not sure": data-absent-reason#asked-unknown, with the display the yesnodontknow value set gives it. */
export const ASKED_UNKNOWN = { system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'asked-unknown', display: "Don't know" } as const;

/** JSON for a download: "<" escaped so no consumer can mistake it for markup; still the same JSON. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
