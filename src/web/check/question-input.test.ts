// Tests how a "Do any of these apply?" page reads its ticks: "None of these" alone, "I'm not sure" beside ticked ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { triage } from '../../engine/index.js';
import { seeded } from '../../server/test-support.js';
import { parseQuestionInput, prefillFromValues } from './question-input.js';

const { content } = seeded();
const page = triage(content, { age_years: 40, body_region: 'lower_back', main_concern: 'pain_only' });
if (page.status !== 'question' || page.question.kind !== 'multi') throw new Error('expected a grouped page');
const question = page.question;
const [first, second] = question.findings;

test('"I\'m not sure" beside a ticked statement: that one is yes, the others unsure (none is lost)', () => {
  const read = parseQuestionInput(content, question, { answer: [first ?? '', 'unknown'], unsure: false });
  assert.ok(read.ok);
  assert.equal(read.values[first ?? ''], true);
  assert.equal(read.values[second ?? ''], 'unknown');
  assert.deepEqual(prefillFromValues(question, read.values).answer, [first, 'unknown'], 'Back shows the same ticks');
});

test('"I\'m not sure" alone makes every statement unsure; ticks alone make the others no; "None of these" stands alone', () => {
  const unsure = parseQuestionInput(content, question, { answer: ['unknown'], unsure: false });
  assert.ok(unsure.ok && question.findings.every((f) => unsure.values[f] === 'unknown'));
  const ticked = parseQuestionInput(content, question, { answer: [first ?? ''], unsure: false });
  assert.ok(ticked.ok && ticked.values[second ?? ''] === false);
  assert.equal(parseQuestionInput(content, question, { answer: ['none', first ?? ''], unsure: false }).ok, false);
});
