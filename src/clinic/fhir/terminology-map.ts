// Creak's own codes mapped to SNOMED CT and LOINC, only where the code was read in a published source (named with
// each entry); every other finding, level and region keeps only Creak's local code. No code here is guessed.
//
// Sources read:
// - DICOM PS3.16 CID 4031 "Common Anatomic Region" (context group version 20250709, OID 1.2.840.10008.6.1.308), as
//   rendered in FHIR by the DICOM terminology IG sources (ValueSet dicom-cid-4031-CommonAnatomicRegion).
// - HL7 Terminology (THO) ValueSet v3-LOINCObservationActContextAgeDefinitionCode (urn:oid:2.16.840.1.113883.11.79,
//   version 3.0.0), which includes LOINC 30525-0 "Age".
// - HL7 Belgium Patient Monitoring IG, ValueSet pain-scale ("Pain severity - 0-10 verbal numeric rating", citing
//   https://loinc.org/72514-3), and the French ANS "mesures de santé" IG profile of pain severity, which fixes
//   http://loinc.org#72514-3.

export type Equivalence = 'equivalent' | 'wider' | 'narrower' | 'inexact';

export interface ExternalCode {
  system: 'http://snomed.info/sct' | 'http://loinc.org';
  code: string;
  display: string;
  /** From the local concept to this code (FHIR R4 ConceptMap equivalence). */
  equivalence: Equivalence;
  source: string;
  comment?: string;
}

const CID_4031 = 'DICOM PS3.16 CID 4031 Common Anatomic Region, version 20250709';
const SCT = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';

/** Values of the body_region finding. Regions with no single code in the source (wrist_hand, ankle_foot, other) stay local. */
export const BODY_REGION_CODES: Readonly<Record<string, ExternalCode>> = {
  lower_back: { system: SCT, code: '122496007', display: 'Lumbar spine', equivalence: 'narrower', source: CID_4031, comment: 'The lower back as a person means it includes the soft tissues around the lumbar spine.' },
  upper_back: { system: SCT, code: '122495006', display: 'Thoracic spine', equivalence: 'equivalent', source: CID_4031, comment: 'The content defines upper_back as the middle of the back (thoracic spine).' },
  neck: { system: SCT, code: '45048000', display: 'Neck', equivalence: 'equivalent', source: CID_4031 },
  jaw: { system: SCT, code: '661005', display: 'Jaw region', equivalence: 'equivalent', source: CID_4031 },
  shoulder: { system: SCT, code: '16982005', display: 'Shoulder', equivalence: 'equivalent', source: CID_4031 },
  elbow: { system: SCT, code: '16953009', display: 'Elbow joint', equivalence: 'narrower', source: CID_4031, comment: 'The source has the elbow joint only; the check asks about the elbow area.' },
  hip: { system: SCT, code: '29836001', display: 'Hip', equivalence: 'equivalent', source: CID_4031 },
  knee: { system: SCT, code: '72696002', display: 'Knee', equivalence: 'equivalent', source: CID_4031 },
};

/** Findings (what a question asks). */
export const FINDING_CODES: Readonly<Record<string, ExternalCode>> = {
  age_years: { system: LOINC, code: '30525-0', display: 'Age', equivalence: 'equivalent', source: 'HL7 THO ValueSet v3-LOINCObservationActContextAgeDefinitionCode 3.0.0' },
  pain_score: {
    system: LOINC, code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating', equivalence: 'wider',
    source: 'HL7 Belgium Patient Monitoring IG ValueSet pain-scale; ANS mesures de santé IG pain severity profile',
    comment: 'The check asks for the worst pain in the last week; the LOINC code names no time frame.',
  },
};

// Triage levels have no mapping: no published code was found that means any of the five levels; they stay local.
