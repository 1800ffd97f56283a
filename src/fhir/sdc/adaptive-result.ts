// The end of an adaptive check: the result the person would see (as read-only items and the narrative) and, for a
// triage outcome, the RiskAssessment the clinic export also uses.
import type * as fhir4 from 'fhir/r4.js';
import { riskAssessment } from '../../clinic/fhir/risk-assessment.js';
import type { FhirSystems } from '../../clinic/fhir/fhir-systems.js';
import { LEVEL_LABEL } from '../../clinic/levels.js';
import { placeholders, type AppConfig } from '../../config.js';
import { outOfScopeAdvice, type OutcomeAdvice } from '../../content/advice.js';
import { LEVELS, type AnswerValue, type ClinicalContent, type Outcome } from '../../engine/types.js';
import { resultView } from '../../web/check/result-view.js';
import type { Library } from '../../web/library.js';

/** The group of result items; dotted linkIds cannot clash with the content's finding and question ids. */
export const RESULT_LINK_ID = 'creak.result';
export const RISK_ID = 'risk';

export interface ResultParts {
  item: fhir4.QuestionnaireItem;
  answer: fhir4.QuestionnaireResponseItem;
  risk?: fhir4.RiskAssessment;
  narrative: fhir4.Narrative;
}

interface Line {
  key: string;
  label: string;
  lines: readonly string[];
}

function escapeXhtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function narrative(title: string, parts: readonly Line[]): fhir4.Narrative {
  const sections = parts.map((p) => `<p><b>${escapeXhtml(p.label)}</b></p><ul>${p.lines.map((l) => `<li>${escapeXhtml(l)}</li>`).join('')}</ul>`);
  return { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"><h2>${escapeXhtml(title)}</h2>${sections.join('')}</div>` };
}

function textParts(advice: OutcomeAdvice, why: readonly string[], safetyNet: readonly string[]): Line[] {
  return [
    { key: 'meaning', label: 'What this means', lines: [advice.meaning] },
    { key: 'why', label: 'Why', lines: why },
    { key: 'do-now', label: 'What to do now', lines: advice.doNow },
    { key: 'expect', label: 'What to expect', lines: [advice.expect] },
    { key: 'watch-for', label: 'Get help at once if', lines: safetyNet },
  ].filter((p) => p.lines.some((l) => l.trim() !== ''));
}

function assemble(title: string, parts: readonly Line[], level: fhir4.Coding | undefined, levelSystem: string): Omit<ResultParts, 'risk'> {
  const id = (key: string) => `${RESULT_LINK_ID}.${key}`;
  const levelItem: fhir4.QuestionnaireItem[] = level === undefined ? [] : [{
    linkId: id('level'), text: 'How urgent', type: 'choice', readOnly: true,
    answerOption: LEVELS.map((l) => ({ valueCoding: { system: levelSystem, code: l, display: LEVEL_LABEL[l] } })),
  }];
  return {
    item: {
      linkId: RESULT_LINK_ID, text: 'Your result', type: 'group',
      item: [...levelItem, { linkId: id('title'), text: 'Result', type: 'string', readOnly: true },
        ...parts.map((p): fhir4.QuestionnaireItem => ({ linkId: id(p.key), text: p.label, type: 'text', readOnly: true }))],
    },
    answer: {
      linkId: RESULT_LINK_ID, text: 'Your result',
      item: [
        ...(level === undefined ? [] : [{ linkId: id('level'), text: 'How urgent', answer: [{ valueCoding: level }] }]),
        { linkId: id('title'), text: 'Result', answer: [{ valueString: title }] },
        ...parts.map((p) => ({ linkId: id(p.key), text: p.label, answer: [{ valueString: p.lines.join('\n') }] })),
      ],
    },
    narrative: narrative(title, parts),
  };
}

export interface ResultContext {
  config: AppConfig;
  content: ClinicalContent;
  library: Library;
  now: Date;
  sys: FhirSystems;
}

/** The outcome as the person's result page words it, with the RiskAssessment (basis: the containing response). */
export function outcomeResult(c: ResultContext, outcome: Outcome, answers: Readonly<Record<string, AnswerValue>>, subject: fhir4.Reference | undefined): ResultParts {
  const view = resultView(c.config, c.content, c.library, outcome, answers, c.now);
  const level: fhir4.Coding = { system: c.sys.levelSystem, code: outcome.level, display: LEVEL_LABEL[outcome.level] };
  const parts = assemble(view.advice.title, textParts(view.advice, outcome.rules.map((r) => r.reason), view.safetyNet), level, c.sys.levelSystem);
  const risk = riskAssessment(c.sys, {
    outcome, answers, content: c.content, subject: subject ?? { display: 'The person who answered the check' },
    occurrence: c.now.toISOString(), basis: [{ reference: '#' }],
  });
  return { ...parts, risk: { ...risk, id: RISK_ID } };
}

/** The result for someone under the check's minimum age: advice only, no triage. */
export function outOfScopeResult(c: ResultContext): ResultParts {
  const advice = outOfScopeAdvice(c.library.advice, placeholders(c.config));
  return assemble(advice.title, textParts(advice, [], []), undefined, c.sys.levelSystem);
}
