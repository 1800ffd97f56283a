// Sent results as a FHIR R4 collection Bundle: for each, the Questionnaire version it was answered to (once per
// version), the person (Patient, once per person), their answers (QuestionnaireResponse), the triage (RiskAssessment)
// and their message to the clinic (Communication).
import { createHash } from 'node:crypto';
import type * as fhir4 from 'fhir/r4.js';
import type { SubmissionRecord } from '../../db/submission-types.js';
import type { ClinicalContent } from '../../engine/types.js';
import { fhirSystems, type FhirSystems } from './fhir-systems.js';
import { narrative } from './narrative.js';
import { patientResource, type PersonContact } from './patient.js';
import { contentQuestionnaire } from './questionnaire.js';
import { questionnaireResponse } from './response.js';
import { riskAssessment } from './risk-assessment.js';

/** A stable urn:uuid for a resource of a submission, so the same export gives the same ids. */
export function urn(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface BundleOptions {
  content: ClinicalContent;
  /** FHIR_CANONICAL_BASE. */
  canonicalBase: string;
  /** Where this service serves FHIR resources (`${BASE_URL}/fhir`): the fullUrl of the Questionnaires it publishes. */
  fhirBase: string;
  now: Date;
  /** Published Questionnaires by content version; a version never published (results sent before publishing began) is filled into the current one. */
  questionnaires: ReadonlyMap<string, fhir4.Questionnaire>;
  /** The person's identifier value (patient.ts personKey with the service's secret). */
  personKey: (p: PersonContact) => string;
}

/** The message a person wrote to the clinic, as a Communication from them about their answers. */
export function messageCommunication(s: Pick<SubmissionRecord, 'message' | 'createdAt' | 'name'>, identifier: fhir4.Identifier, patient: fhir4.Reference, response: fhir4.Reference): fhir4.Communication | undefined {
  if (s.message === null) return undefined;
  return {
    resourceType: 'Communication',
    text: narrative(`Message from ${s.name}`, [s.message]),
    identifier: [identifier],
    status: 'completed',
    subject: patient,
    sender: patient,
    sent: s.createdAt,
    about: [response],
    payload: [{ contentString: s.message }],
  };
}

function entriesFor(s: SubmissionRecord, o: BundleOptions, sys: FhirSystems, questionnaire: { resource: fhir4.Questionnaire; fullUrl: string }): fhir4.BundleEntry[] {
  const key = o.personKey(s);
  const patientUrl = urn(`patient/${key}`);
  const responseUrl = urn(`${s.id}/response`);
  const identifier = { system: sys.referenceSystem, value: s.reference };
  const subject = { reference: patientUrl, display: s.name };
  const response = questionnaireResponse(questionnaire.resource, s.answers, sys.findingSystem, { identifier, subject, authored: s.createdAt });
  const risk = riskAssessment(sys, {
    outcome: s.outcome, answers: s.answers, content: o.content, subject: { reference: patientUrl }, occurrence: s.createdAt, identifier,
    basis: [{ reference: responseUrl }, { reference: questionnaire.fullUrl }],
  });
  const message = messageCommunication(s, identifier, { reference: patientUrl }, { reference: responseUrl });
  return [
    { fullUrl: patientUrl, resource: patientResource(sys, s, key) },
    { fullUrl: responseUrl, resource: response },
    { fullUrl: urn(`${s.id}/risk`), resource: risk },
    ...(message === undefined ? [] : [{ fullUrl: urn(`${s.id}/message`), resource: message }]),
  ];
}

/** A collection Bundle for one or more submissions, each with the Questionnaire version it was answered to. */
export function submissionsBundle(submissions: readonly SubmissionRecord[], o: BundleOptions): fhir4.Bundle {
  const sys = fhirSystems(o.canonicalBase);
  const current = o.questionnaires.get(o.content.version) ?? contentQuestionnaire(o.content, o.canonicalBase);
  const used = new Map<string, { resource: fhir4.Questionnaire; fullUrl: string }>();
  const questionnaireOf = (version: string): { resource: fhir4.Questionnaire; fullUrl: string } => {
    const resource = o.questionnaires.get(version) ?? current;
    const id = resource.id ?? version;
    const entry = used.get(id) ?? { resource, fullUrl: `${o.fhirBase}/Questionnaire/${id}` };
    used.set(id, entry);
    return entry;
  };
  const seen = new Set<string>();
  const rest = submissions.flatMap((s) => entriesFor(s, o, sys, questionnaireOf(s.contentVersion))).filter((e) => {
    if (e.fullUrl === undefined || seen.has(e.fullUrl)) return false;
    seen.add(e.fullUrl);
    return true;
  });
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: o.now.toISOString(),
    entry: [...[...used.values()].map((q) => ({ fullUrl: q.fullUrl, resource: q.resource })), ...rest],
  };
}
