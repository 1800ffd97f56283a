// Property test of the Questionnaire's enableWhen against the engine itself: for random people run through the real
// check (fast-check, fixed seed), every question the check asked is shown by the form for the answers it got, and
// every answer fits an item. This is what keeps the derivation sound when the clinical content changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fhirSystems } from '../../../src/clinic/fhir/fhir-systems.js';
import { contentQuestionnaire } from '../../../src/clinic/fhir/questionnaire.js';
import { fillItems, questionnaireResponse } from '../../../src/clinic/fhir/response.js';
import { DEFAULT_FHIR_CANONICAL_BASE } from '../../../src/config.js';
import { interview } from '../../../src/engine/index.js';
import { UNKNOWN, type AnswerValue, type FindingDef } from '../../../src/engine/types.js';
import { content } from '../helpers/harness.js';
import { answersByLinkId, enabledLinkIds } from './enable-when.js';

const c = content();
const sys = fhirSystems(DEFAULT_FHIR_CANONICAL_BASE);
const q = contentQuestionnaire(c, DEFAULT_FHIR_CANONICAL_BASE);

function valueArb(def: FindingDef): fc.Arbitrary<AnswerValue> {
  const unknown = def.required ? [] : [{ arbitrary: fc.constant<AnswerValue>(UNKNOWN), weight: 2 }];
  switch (def.type) {
    case 'boolean':
      return fc.oneof({ arbitrary: fc.constant(false), weight: 12 }, { arbitrary: fc.constant(true), weight: 5 }, ...unknown);
    case 'choice':
      return fc.oneof({ arbitrary: fc.constantFrom(...def.values), weight: 10 }, ...unknown);
    case 'number': {
      const n = def.integer ? fc.integer({ min: def.min, max: def.max }) : fc.double({ min: def.min, max: Math.min(def.max, 600), noNaN: true }).map((x) => Math.round(x * 10) / 10);
      return fc.oneof({ arbitrary: n, weight: 10 }, ...unknown);
    }
  }
}

const personArb = fc.record(Object.fromEntries([...c.findings.values()].map((d) => [d.id, valueArb(d)])));

test('every question the check asks is shown by the exported form, and every answer fits an item', () => {
  let shown = 0;
  let asked = 0;
  let runs = 0;
  fc.assert(fc.property(personArb, (person) => {
    const run = interview(c, (f) => person[f] ?? UNKNOWN);
    const { unplaced } = fillItems(q, run.answers, sys.findingSystem);
    assert.deepEqual(unplaced, [], 'every answer has an item');
    const qr = questionnaireResponse(q, run.answers, sys.findingSystem);
    const answers = answersByLinkId(qr);
    const enabled = enabledLinkIds(q, answers);
    for (const linkId of answers.keys()) assert.ok(enabled.has(linkId), `${linkId} was asked but the form hides it (${JSON.stringify(run.answers)})`);
    runs++;
    asked += answers.size;
    shown += [...enabled].length;
  }), { numRuns: 400, seed: 20261130 });
  console.log(`enableWhen: ${String(runs)} random people, ${(asked / runs).toFixed(1)} answers and ${(shown / runs).toFixed(1)} items shown each`);
});
