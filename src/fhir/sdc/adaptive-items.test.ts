// Every question of the loaded content maps to an item an SDC form filler can show and answer, checked generically
// (so a change of content is checked too) and against the R4 StructureDefinitions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as fhir4 from 'fhir/r4.js';
import { assertValidFhir } from '../../../test/clinic/helpers/fhir-validate.js';
import { pageView } from '../../engine/index.js';
import { fhirSystems } from '../../clinic/fhir/fhir-systems.js';
import { seeded } from '../../server/test-support.js';
import { adaptiveItem, linkIdOf } from './adaptive-items.js';

const { content } = seeded();
const sys = fhirSystems('https://check.example.org');
const views = content.questions.map((q) => {
  const view = pageView(content, q.id, q.findings);
  assert.ok(view, q.id);
  return view;
});
const codes = (item: fhir4.QuestionnaireItem) => (item.answerOption ?? []).map((o) => o.valueCoding?.code);
const exclusive = (o: fhir4.QuestionnaireItemAnswerOption) => (o.extension ?? []).some((e) => e.url.endsWith('questionnaire-optionExclusive'));

describe('adaptive items', () => {
  it('map every question to an item of the right type, with "I\'m not sure" wherever the question allows it', () => {
    for (const q of views) {
      const item = adaptiveItem(q, content, sys);
      assert.equal(item.linkId, linkIdOf(q));
      assert.equal(item.text, q.text);
      switch (q.kind) {
        case 'boolean':
          if (q.unknownAllowed) assert.deepEqual(codes(item), ['Y', 'N', 'asked-unknown'], q.id);
          else assert.equal(item.type, 'boolean', q.id);
          break;
        case 'choice':
          assert.equal(item.type, 'choice');
          assert.deepEqual(codes(item), [...(q.options ?? []).map((o) => o.value), ...(q.unknownAllowed ? ['asked-unknown'] : [])], q.id);
          break;
        case 'multi':
          assert.equal(item.repeats, true, q.id);
          assert.deepEqual(codes(item), [...q.findings, 'none', ...(q.unknownAllowed ? ['asked-unknown'] : [])], q.id);
          assert.deepEqual((item.answerOption ?? []).filter(exclusive).map((o) => o.valueCoding?.code), ['none'], q.id);
          assert.equal((item.answerOption ?? []).some((o) => o.valueCoding?.code === 'asked-unknown'), q.unknownAllowed, q.id);
          break;
        case 'number': {
          const def = content.findings.get(linkIdOf(q));
          const whole = def?.type === 'number' && def.integer;
          assert.equal(item.type, (q.units ?? []).length > 0 ? 'quantity' : whole ? 'integer' : 'decimal', q.id);
          assert.equal(item.required, !q.unknownAllowed, q.id);
          break;
        }
      }
    }
  });

  it('are valid R4 Questionnaire items, with unique linkIds', () => {
    const items = views.map((q) => adaptiveItem(q, content, sys));
    const linkIds = items.flatMap((i) => [i.linkId, ...(i.item ?? []).map((c) => c.linkId)]);
    assert.equal(new Set(linkIds).size, linkIds.length);
    assertValidFhir({ resourceType: 'Questionnaire', status: 'active', item: items });
  });
});
