// A sent result as FHIR R4: a collection Bundle with the check as a Questionnaire, the person (Patient), their answers
// (QuestionnaireResponse) and the triage (RiskAssessment: the level, and one prediction per rule that fired).
import { createHash } from 'node:crypto';
import type * as fhir4 from 'fhir/r4.js';
import type { SubmissionRecord } from '../../db/submission-types.js';
import { UNKNOWN, type AnswerValue, type ClinicalContent, type Level, type QuestionDef } from '../../engine/types.js';
import { LEVEL_LABEL } from '../levels.js';
import { ASKED_UNKNOWN, DATA_ABSENT_REASON_URL, fhirSystems, type FhirSystems } from './fhir-systems.js';
import { contentQuestionnaire } from './questionnaire.js';

/** A stable urn:uuid for a resource of a submission, so the same export gives the same ids. */
function urn(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const RISK: Readonly<Record<Level, string>> = { emergency: 'high', urgent: 'high', soon: 'moderate', routine: 'low', self_care: 'negligible' };

function answerFor(q: QuestionDef | undefined, finding: string, value: AnswerValue, sys: FhirSystems): fhir4.QuestionnaireResponseItem {
  const item: fhir4.QuestionnaireResponseItem = { linkId: finding };
  if (value === UNKNOWN) {
    if (q?.kind === 'number') return { ...item, extension: [{ url: DATA_ABSENT_REASON_URL, valueCode: 'asked-unknown' }] };
    return { ...item, answer: [{ valueCoding: ASKED_UNKNOWN }] };
  }
  if (typeof value === 'boolean') {
    // Questions that offer "I'm not sure" are Yes/No/Not sure choices in the Questionnaire; the others are booleans.
    const asChoice = q === undefined || q.kind === 'multi' || q.unknownAllowed;
    return { ...item, answer: [asChoice ? { valueCoding: { system: sys.answerSystem, code: value ? 'yes' : 'no', display: value ? 'Yes' : 'No' } } : { valueBoolean: value }] };
  }
  if (typeof value === 'number') return { ...item, answer: [Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value }] };
  const label = q?.options?.find((o) => o.value === value)?.label;
  return { ...item, answer: [{ valueCoding: { system: `${sys.findingSystem}/${finding}`, code: value, ...(label === undefined ? {} : { display: label }) } }] };
}

function responseItems(content: ClinicalContent, answers: Readonly<Record<string, AnswerValue>>, sys: FhirSystems): fhir4.QuestionnaireResponseItem[] {
  const items: fhir4.QuestionnaireResponseItem[] = [];
  for (const q of content.questions) {
    const present = q.findings.filter((f) => answers[f] !== undefined);
    if (present.length === 0) continue;
    if (q.kind === 'multi') {
      items.push({ linkId: q.id, text: q.text, item: present.map((f) => ({ ...answerFor(q, f, answers[f] ?? UNKNOWN, sys), text: q.options?.find((o) => (o.finding ?? o.value) === f)?.label ?? f })) });
    } else {
      for (const f of present) items.push({ ...answerFor(q, f, answers[f] ?? UNKNOWN, sys), text: q.text });
    }
  }
  return items;
}

/** What a RiskAssessment is built from: a sent result, or an outcome the adaptive check has just reached. */
export type RiskInput = Pick<SubmissionRecord, 'level' | 'outcome' | 'createdAt' | 'contentVersion' | 'message'> & { reference?: string };

/** The triage as a RiskAssessment: the level, and one prediction per rule that fired. */
export function riskAssessment(s: RiskInput, subject: fhir4.Reference, basis: fhir4.Reference, sys: FhirSystems): fhir4.RiskAssessment {
  return {
    resourceType: 'RiskAssessment',
    ...(s.reference === undefined ? {} : { identifier: [{ system: sys.referenceSystem, value: s.reference }] }),
    status: 'final',
    subject,
    occurrenceDateTime: s.createdAt,
    basis: [basis],
    method: { text: `Creak triage rules, content version ${s.contentVersion}` },
    prediction: [
      {
        outcome: { coding: [{ system: sys.levelSystem, code: s.level, display: LEVEL_LABEL[s.level] }], text: LEVEL_LABEL[s.level] },
        qualitativeRisk: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/risk-probability', code: RISK[s.level] }] },
        rationale: s.outcome.rules.map((r) => `${r.id}: ${r.title}`).join('; ') || 'No rule fired',
      },
      ...s.outcome.rules.map((r): fhir4.RiskAssessmentPrediction => ({
        outcome: { coding: [{ system: sys.ruleSystem, code: r.id, display: r.title }], text: `${r.id} (${r.level})` },
        rationale: `${r.reason}${r.sources.length === 0 ? '' : ` Sources: ${r.sources.join(', ')}.`}`,
      })),
    ],
    ...(s.message === null ? {} : { note: [{ text: `Message from the person: ${s.message}` }] }),
  };
}

function entriesFor(s: SubmissionRecord, content: ClinicalContent, sys: FhirSystems, questionnaireCanonical: string): fhir4.BundleEntry[] {
  const patientUrl = urn(`${s.id}/patient`);
  const responseUrl = urn(`${s.id}/response`);
  const identifier = { system: sys.referenceSystem, value: s.reference };
  const patient: fhir4.Patient = {
    resourceType: 'Patient',
    name: [{ text: s.name }],
    telecom: [
      ...(s.phone === null ? [] : [{ system: 'phone' as const, value: s.phone }]),
      ...(s.email === null ? [] : [{ system: 'email' as const, value: s.email }]),
    ],
  };
  const response: fhir4.QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    identifier,
    questionnaire: questionnaireCanonical,
    status: 'completed',
    subject: { reference: patientUrl, display: s.name },
    authored: s.createdAt,
    item: responseItems(content, s.answers, sys),
  };
  const risk = riskAssessment(s, { reference: patientUrl }, { reference: responseUrl }, sys);
  return [
    { fullUrl: patientUrl, resource: patient },
    { fullUrl: responseUrl, resource: response },
    { fullUrl: urn(`${s.id}/risk`), resource: risk },
  ];
}

/** A collection Bundle for one or more submissions, with the Questionnaire of the current content once. */
export function submissionsBundle(submissions: readonly SubmissionRecord[], content: ClinicalContent, baseUrl: string, clinicName: string, now: Date): fhir4.Bundle {
  const sys = fhirSystems(baseUrl);
  const questionnaire = contentQuestionnaire(content, baseUrl, clinicName);
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: now.toISOString(),
    entry: [
      { fullUrl: urn(`questionnaire/${content.version}`), resource: questionnaire },
      ...submissions.flatMap((s) => entriesFor(s, content, sys, `${sys.questionnaireUrl}|${s.contentVersion}`)),
    ],
  };
}
