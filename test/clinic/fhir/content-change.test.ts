// The exports follow the clinical content with no code change: a new finding, question and rule (as policy version 2
// adds, e.g. a rash that does not fade with neck pain) appear in the Questionnaire, gated as the rule says, and in the
// published code systems, and a person who answers it keeps that answer in the response.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as fhir4 from 'fhir/r4.js';
import { fhirSystems } from '../../../src/clinic/fhir/fhir-systems.js';
import { publishedDefinitions } from '../../../src/clinic/fhir/publish.js';
import { contentQuestionnaire } from '../../../src/clinic/fhir/questionnaire.js';
import { questionnaireResponse } from '../../../src/clinic/fhir/response.js';
import { DEFAULT_FHIR_CANONICAL_BASE } from '../../../src/config.js';
import { interview, personAnswers } from '../../../src/engine/index.js';
import type { ClinicalContent, FindingDef, QuestionDef, RuleDef } from '../../../src/engine/types.js';
import { content } from '../helpers/harness.js';
import { answersByLinkId, enabledLinkIds, itemsByLinkId } from './enable-when.js';

function withRash(c: ClinicalContent): ClinicalContent {
  const finding: FindingDef = { id: 'rash_not_fading', type: 'boolean', required: false, meaning: 'A rash that does not fade when a glass is pressed on it.' };
  const question: QuestionDef = { id: 'rash', kind: 'boolean', findings: ['rash_not_fading'], text: 'Do you have a rash that does not fade when you press a glass on it?', unknownAllowed: true };
  const rule: RuleDef = {
    id: 'E99', level: 'emergency', title: 'Possible meningitis', reason: 'Neck pain with a rash that does not fade needs checking at once.',
    when: { kind: 'all', of: [{ kind: 'def', name: 'neck' }, { kind: 'true', finding: 'rash_not_fading' }] }, sources: [], articleTags: [],
  };
  const at = c.questions.findIndex((q) => q.id === 'chest') + 1;
  return {
    ...c, version: 'v2-test', findings: new Map([...c.findings, [finding.id, finding]]),
    questions: [...c.questions.slice(0, at), question, ...c.questions.slice(at)], rules: [...c.rules, rule],
  };
}

test('a new finding, question and rule need no code change', () => {
  const c = withRash(content());
  const sys = fhirSystems(DEFAULT_FHIR_CANONICAL_BASE);
  const q = contentQuestionnaire(c, DEFAULT_FHIR_CANONICAL_BASE);
  const item = itemsByLinkId(q).get('rash_not_fading')?.item;
  assert.ok(item, 'the new question is an item');
  assert.equal(item.text, 'Do you have a rash that does not fade when you press a glass on it?');
  assert.ok(item.enableWhen?.some((w) => w.question === 'body_region' && w.operator === '=' && w.answerCoding?.code === 'neck'), 'shown for the neck only, as the rule says');
  const rules = publishedDefinitions(c, DEFAULT_FHIR_CANONICAL_BASE).find((r): r is fhir4.CodeSystem => r.resourceType === 'CodeSystem' && r.url === sys.ruleSystem);
  assert.ok(rules?.concept?.some((k) => k.code === 'E99' && k.display === 'Possible meningitis'));
  const run = interview(c, personAnswers(c, { age_years: 30, body_region: 'neck', main_concern: 'pain_only', rash_not_fading: true }));
  assert.equal(run.result.status === 'outcome' ? run.result.outcome.level : run.result.status, 'emergency');
  assert.equal(run.answers.rash_not_fading, true, 'the check asked it');
  const qr = questionnaireResponse(q, run.answers, sys.findingSystem);
  const answers = answersByLinkId(qr);
  assert.equal(answers.get('rash_not_fading')?.[0]?.valueCoding?.code, 'Y');
  const enabled = enabledLinkIds(q, answers);
  for (const linkId of answers.keys()) assert.ok(enabled.has(linkId), linkId);
});

test('a finding no question asks (as a recheck after "I\'m not sure" is) still gets an item, so its answer is kept', () => {
  const base = content();
  const recheck: FindingDef = { id: 'bladder_change_recheck', type: 'choice', required: false, meaning: 'Asked again: a new change when you pee.', values: ['yes', 'no'] };
  const c: ClinicalContent = { ...base, version: 'v2-recheck', findings: new Map([...base.findings, [recheck.id, recheck]]) };
  const sys = fhirSystems(DEFAULT_FHIR_CANONICAL_BASE);
  const q = contentQuestionnaire(c, DEFAULT_FHIR_CANONICAL_BASE);
  const qr = questionnaireResponse(q, { age_years: 40, body_region: 'lower_back', main_concern: 'pain_only', bladder_change: 'unknown', bladder_change_recheck: 'no' }, sys.findingSystem);
  assert.equal(answersByLinkId(qr).get('bladder_change_recheck')?.[0]?.valueCoding?.code, 'no');
});

test('a finding derived from other answers is not shown where it is worked out, and a statement that can share a page has no earlier-answer condition', () => {
  const base = content();
  // A value derivation (policy version 2): "does the noise hurt" is false, never asked, when the concern is pain only.
  const derivation = { kind: 'value', finding: 'noise_painful', value: false, when: { kind: 'in', finding: 'main_concern', values: ['pain_only'] } };
  const follow = base.questions.find((x) => x.findings.includes('leg_weakness_both'));
  assert.ok(follow);
  const c = {
    ...base, version: 'v2-derived', derivations: [...base.derivations, derivation as unknown as ClinicalContent['derivations'][number]],
    questions: base.questions.map((x) => (x === follow ? { ...x, label: 'Both your legs are getting weaker' } : x)),
  } as ClinicalContent;
  const q = contentQuestionnaire(c, DEFAULT_FHIR_CANONICAL_BASE);
  const items = itemsByLinkId(q);
  const concern = items.get('main_concern')?.item.answerOption?.[0]?.valueCoding?.system ?? '';
  const shown = (value: string) => enabledLinkIds(q, new Map([
    ['age_years', [{ valueInteger: 40 }]],
    ['body_region', [{ valueCoding: { system: items.get('body_region')?.item.answerOption?.[0]?.valueCoding?.system ?? '', code: 'knee' } }]],
    ['main_concern', [{ valueCoding: { system: concern, code: value } }]],
  ]));
  assert.ok(!shown('pain_only').has('noise_painful'), 'worked out for "pain only", so not shown');
  assert.ok(shown('noise_and_pain').has('noise_painful'));
  assert.ok(!(items.get('leg_weakness_both')?.item.enableWhen ?? []).some((w) => w.question === 'leg_weakness_progressive'), 'a statement is gated by the gates only');
  const ownPage = { ...base, version: 'own-page', questions: base.questions.map((x) => (x === follow ? { ...x, label: undefined } : x)) } as ClinicalContent;
  assert.ok((itemsByLinkId(contentQuestionnaire(ownPage, DEFAULT_FHIR_CANONICAL_BASE)).get('leg_weakness_both')?.item.enableWhen ?? []).some((w) => w.question === 'leg_weakness_progressive'),
    'asked on its own page, it waits for "a leg is getting weaker"');
});
