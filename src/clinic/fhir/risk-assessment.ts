// The engine's outcome as a FHIR R4 RiskAssessment, read from the outcome itself (never recomputed). The mapping is
// documented in docs/fhir.md ("RiskAssessment"): each prediction is a rule (outcome) with the triage level it gives
// (qualitativeRisk); the first prediction is what set the level, so its qualitativeRisk is the result.
import type * as fhir4 from 'fhir/r4.js';
import { levelRank, type Answers, type ClinicalContent, type Level, type Outcome } from '../../engine/types.js';
import { findingLine } from '../../web/check/answer-text.js';
import { LEVEL_LABEL } from '../levels.js';
import type { FhirSystems } from './fhir-systems.js';
import { narrative } from './narrative.js';

/** Why a prediction is in the assessment (CodeSystem creak-prediction-basis). */
export const PREDICTION_BASIS = {
  fired: 'A rule of the triage policy fired on the answers',
  'unsure-raised': 'An "I\'m not sure" answer could fire this rule, so the level was raised to one below its level',
  'no-rule': 'No rule fired; the level is the lowest',
} as const;
export type PredictionBasis = keyof typeof PREDICTION_BASIS;

/** What the assessment is and how it was made (CodeSystem creak-assessment). */
export const ASSESSMENT_CODES = {
  'self-check-triage': 'Self-check triage of joint noises and back pain',
  'creak-triage-rules': 'Creak triage rules',
} as const;

export interface RiskAssessmentInput {
  outcome: Outcome;
  answers: Answers;
  /** The content, to word rules and answers; an outcome of an older version keeps its own rule titles. */
  content: ClinicalContent;
  subject: fhir4.Reference;
  occurrence: string;
  /** The QuestionnaireResponse (and the Questionnaire) the assessment is based on. */
  basis: readonly fhir4.Reference[];
  identifier?: fhir4.Identifier;
}

export function levelConcept(sys: FhirSystems, level: Level): fhir4.CodeableConcept {
  return { coding: [{ system: sys.levelSystem, code: level, display: LEVEL_LABEL[level] }], text: LEVEL_LABEL[level] };
}

function answerWords(content: ClinicalContent, answers: Answers, finding: string): string {
  const line = findingLine(content, finding, answers[finding]);
  return `${line.label}: ${line.answer}`;
}

function prediction(sys: FhirSystems, basis: PredictionBasis, rule: { id: string; title: string } | undefined, level: Level, version: string, rationale: string): fhir4.RiskAssessmentPrediction {
  return {
    extension: [{ url: sys.predictionBasisUrl, valueCode: basis }],
    outcome: rule === undefined
      ? { text: PREDICTION_BASIS[basis] }
      : { coding: [{ system: sys.ruleSystem, version, code: rule.id, display: rule.title }], text: rule.title },
    qualitativeRisk: levelConcept(sys, level),
    rationale,
  };
}

/** The predictions, level-setting first: the unsure answers that raised the level, then the rules that fired. */
export function predictions(sys: FhirSystems, input: Pick<RiskAssessmentInput, 'outcome' | 'answers' | 'content'>): fhir4.RiskAssessmentPrediction[] {
  const { outcome, answers, content } = input;
  const version = outcome.contentVersion;
  const raised = levelRank(outcome.level) > levelRank(outcome.bestCase);
  const out: fhir4.RiskAssessmentPrediction[] = [];
  if (raised) {
    for (const u of outcome.unsure.filter((x) => x.couldBe === outcome.worstCase)) {
      const title = content.rules.find((r) => r.id === u.rule)?.title ?? u.rule;
      out.push(prediction(sys, 'unsure-raised', { id: u.rule, title }, outcome.level, version,
        `${answerWords(content, answers, u.finding)}. Had the answer been yes, rule ${u.rule} (${title}) would give "${LEVEL_LABEL[u.couldBe]}"; `
        + `an unsure answer gives one level below that: "${LEVEL_LABEL[outcome.level]}".`));
    }
  }
  for (const r of outcome.rules) {
    const because = r.because.map((f) => answerWords(content, answers, f));
    const assuming = (r.assuming ?? []).map((f) => `${answerWords(content, answers, f)} (read as no)`);
    out.push(prediction(sys, 'fired', r, r.level, version, [
      r.reason,
      because.length === 0 ? '' : `Because: ${because.join('; ')}.`,
      assuming.length === 0 ? '' : `Assuming: ${assuming.join('; ')}.`,
      r.tier === undefined ? '' : `${r.tier.label}.`,
      r.sources.length === 0 ? '' : `Sources: ${r.sources.join(', ')}.`,
    ].filter((s) => s !== '').join(' ')));
  }
  if (out[0]?.qualitativeRisk?.coding?.[0]?.code !== outcome.level) {
    out.unshift(prediction(sys, 'no-rule', undefined, outcome.level, version, PREDICTION_BASIS['no-rule']));
  }
  return out;
}

/** The RiskAssessment of one outcome: level, deciding rules, unsure answers that raised it, and the content version. */
export function riskAssessment(sys: FhirSystems, input: RiskAssessmentInput): fhir4.RiskAssessment {
  const { outcome } = input;
  const preds = predictions(sys, input);
  return {
    resourceType: 'RiskAssessment',
    text: narrative(`Triage: ${LEVEL_LABEL[outcome.level]}`, [
      ['Content version', outcome.contentVersion],
      { list: preds.map((p) => `${p.outcome?.text ?? ''} (${p.qualitativeRisk?.text ?? ''}): ${p.rationale ?? ''}`) },
    ]),
    ...(input.identifier === undefined ? {} : { identifier: [input.identifier] }),
    status: 'final',
    code: { coding: [{ system: sys.assessmentSystem, code: 'self-check-triage', display: ASSESSMENT_CODES['self-check-triage'] }], text: ASSESSMENT_CODES['self-check-triage'] },
    method: {
      coding: [{ system: sys.assessmentSystem, version: outcome.contentVersion, code: 'creak-triage-rules', display: ASSESSMENT_CODES['creak-triage-rules'] }],
      text: `Creak triage rules, content version ${outcome.contentVersion}`,
    },
    subject: input.subject,
    occurrenceDateTime: input.occurrence,
    basis: [...input.basis],
    prediction: preds,
    mitigation: LEVEL_LABEL[outcome.level],
  };
}
