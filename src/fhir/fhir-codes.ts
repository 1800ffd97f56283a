// The code systems and extensions the /fhir endpoints use: HL7's published ones, and Creak's own beside its triage levels.
import type * as fhir4 from 'fhir/r4.js';
import type { DurationUnit } from '../engine/types.js';

/** HL7 v2 table 0136 (Yes/No), the codes of HL7's yesnodontknow value set with data-absent-reason's asked-unknown. */
export const YES_NO_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0136';
export const DATA_ABSENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
export const YES: fhir4.Coding = { system: YES_NO_SYSTEM, code: 'Y', display: 'Yes' };
export const NO: fhir4.Coding = { system: YES_NO_SYSTEM, code: 'N', display: 'No' };
/** "I'm not sure": asked-unknown, shown in the check's own words. */
export const NOT_SURE: fhir4.Coding = { system: DATA_ABSENT_SYSTEM, code: 'asked-unknown', display: "I'm not sure" };

export const EXT = {
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  choiceOrientation: 'http://hl7.org/fhir/StructureDefinition/questionnaire-choiceOrientation',
  unit: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
  optionExclusive: 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive',
  unitOption: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  hidden: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden',
  dataAbsentReason: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
  questionnaireAdaptive: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-questionnaireAdaptive',
} as const;

export const PROFILE = {
  questionnaireAdapt: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-adapt',
  responseAdapt: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaireresponse-adapt',
} as const;

export const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';

/** UCUM codes of the duration units a person may answer in (http://unitsofmeasure.org: d, wk, mo). */
export const UCUM = 'http://unitsofmeasure.org';
export const UNIT_CODES: Readonly<Record<DurationUnit, { code: string; display: string }>> = {
  days: { code: 'd', display: 'days' },
  weeks: { code: 'wk', display: 'weeks' },
  months: { code: 'mo', display: 'months' },
};

export function itemControl(code: string): fhir4.Extension {
  return { url: EXT.itemControl, valueCodeableConcept: { coding: [{ system: ITEM_CONTROL_SYSTEM, code }] } };
}

export function sameCoding(a: fhir4.Coding | undefined, b: fhir4.Coding): boolean {
  return a !== undefined && a.code === b.code && a.system === b.system;
}
