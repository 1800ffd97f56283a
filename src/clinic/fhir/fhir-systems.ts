// The identifier and code systems of Creak's FHIR exports, rooted at the service's own address.

export interface FhirSystems {
  questionnaireUrl: string;
  findingSystem: string;
  answerSystem: string;
  levelSystem: string;
  ruleSystem: string;
  referenceSystem: string;
}

export function fhirSystems(baseUrl: string): FhirSystems {
  return {
    questionnaireUrl: `${baseUrl}/fhir/Questionnaire/creak-self-check`,
    findingSystem: `${baseUrl}/fhir/CodeSystem/creak-finding-values`,
    answerSystem: `${baseUrl}/fhir/CodeSystem/creak-answer`,
    levelSystem: `${baseUrl}/fhir/CodeSystem/creak-triage-level`,
    ruleSystem: `${baseUrl}/fhir/CodeSystem/creak-triage-rule`,
    referenceSystem: `${baseUrl}/fhir/sid/creak-reference`,
  };
}

/** "I'm not sure" as HL7's data-absent-reason code. */
export const ASKED_UNKNOWN = { system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'asked-unknown', display: "I'm not sure" };
export const DATA_ABSENT_REASON_URL = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

/** JSON for a download: "<" escaped so no consumer can mistake it for markup; still the same JSON. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
