// HTTP tests for SDC $next-question: the item mapping, a whole check's ends (emergency stop, out of scope), changing an
// earlier answer, and every error as an OperationOutcome with a 4xx status (never a 500, even for arbitrary JSON).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import type * as fhir4 from 'fhir/r4.js';
import { pageView, toWeeks, triage } from '../../engine/index.js';
import { assertValidFhir } from '../../../test/clinic/helpers/fhir-validate.js';
import { publishedDefinitions } from '../../clinic/fhir/publish.js';
import { seeded, testApp } from '../../server/test-support.js';
import { answerItem, answerNewest, newestItem, runAdaptive, type Facts } from './test-support.js';

const app = testApp();
after(() => app.close());
const { content } = seeded();

const URL_TYPE = '/fhir/Questionnaire/$next-question';
const START: fhir4.QuestionnaireResponse = { resourceType: 'QuestionnaireResponse', status: 'in-progress' };
const BACK: Facts = { age_years: 44, body_region: 'lower_back', main_concern: 'pain_only' };
const KNEE: Facts = { age_years: 30, body_region: 'knee', main_concern: 'noise_and_pain', pain_score: 3, duration_weeks: 8, trend: 'same' };

type Res = Awaited<ReturnType<typeof app.inject>>;

const send = (payload: string, type: string | null = 'application/fhir+json', url = URL_TYPE) =>
  app.inject({ method: 'POST', url, payload, headers: type === null ? {} : { 'content-type': type } });
const post = async (body: unknown, url = URL_TYPE) => {
  const res = await send(JSON.stringify(body), 'application/fhir+json', url);
  return { status: res.statusCode, body: res.json<unknown>() };
};

function questionnaireOf(r: fhir4.QuestionnaireResponse): fhir4.Questionnaire {
  const q = (r.contained ?? []).find((c): c is fhir4.Questionnaire => c.resourceType === 'Questionnaire');
  assert.ok(q, 'a contained Questionnaire');
  return q;
}

const codesOf = (i: fhir4.QuestionnaireItem) => (i.answerOption ?? []).map((o) => o.valueCoding?.code);
/** The findings a "tick all that apply" item offers: its options but the exclusive ones. */
const findingCodes = (i: fhir4.QuestionnaireItem): string[] => (i.answerOption ?? [])
  .filter((o) => !(o.extension ?? []).some((e) => e.url.endsWith('questionnaire-optionExclusive')) && o.valueCoding?.code !== 'asked-unknown')
  .map((o) => o.valueCoding?.code ?? '');

/** Kinds of item, told apart by their shape only, so the tests follow whatever questions the content has. */
const SHAPE = {
  first: () => true,
  oneOf: (i: fhir4.QuestionnaireItem) => i.type === 'choice' && i.repeats !== true && !codesOf(i).includes('Y'),
  yesNoUnsure: (i: fhir4.QuestionnaireItem) => i.type === 'choice' && codesOf(i).includes('Y'),
  tickAll: (i: fhir4.QuestionnaireItem) => i.repeats === true,
  duration: (i: fhir4.QuestionnaireItem) => i.type === 'quantity',
  unsureNumber: (i: fhir4.QuestionnaireItem) => (i.type === 'integer' || i.type === 'decimal') && i.required === false,
} as const;

/** Answers as `facts` until the newest item has the shape (not answered yet); that response and its new item. */
async function until(facts: Facts, shape: (item: fhir4.QuestionnaireItem) => boolean): Promise<{ r: fhir4.QuestionnaireResponse; item: fhir4.QuestionnaireItem; at: number }> {
  let response = START;
  for (let i = 0; i < 80; i++) {
    const res = await post(response);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    response = res.body as fhir4.QuestionnaireResponse;
    const item = newestItem(response);
    if (item !== undefined && shape(item)) return { r: response, item, at: response.item?.length ?? 0 };
    assert.equal(response.status, 'in-progress', 'reached the end before an item of that shape');
    response = answerNewest(response, (next) => answerItem(next, facts));
  }
  throw new Error('never asked an item of that shape');
}

function expectOutcome(res: Res, status: number, code: string, expression?: string): void {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/fhir\+json/);
  const outcome = res.json<fhir4.OperationOutcome>();
  assert.equal(outcome.resourceType, 'OperationOutcome');
  const issue = outcome.issue[0];
  assert.equal(issue?.details?.coding?.[0]?.code, code, res.body);
  assert.equal(typeof issue.details.text, 'string');
  if (expression !== undefined) assert.deepEqual(issue.expression, [expression]);
  assert.doesNotMatch(res.body, /at \w+ \(|node_modules|\.ts:\d+/, 'no stack trace');
}

const withAnswer = (r: fhir4.QuestionnaireResponse, linkId: string, answer: fhir4.QuestionnaireResponseItemAnswer[]) =>
  ({ ...r, item: [...(r.item ?? []), { linkId, answer }] });

describe('the adaptive items', () => {
  it('starts with the engine\'s first question as an SDC adaptive response', async () => {
    const res = await post(START);
    assert.equal(res.status, 200);
    const r = res.body as fhir4.QuestionnaireResponse;
    const q = questionnaireOf(r);
    assert.equal(r.status, 'in-progress');
    assert.equal(r.questionnaire, `#${q.id ?? ''}`);
    assert.deepEqual(r.meta?.profile, ['http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaireresponse-adapt']);
    assert.ok(q.extension?.some((e) => e.url.endsWith('sdc-questionnaire-questionnaireAdaptive') && e.valueBoolean === true));
    assert.equal(q.url, undefined, 'the adaptive profile has no url; derivedFrom names the check');
    assert.match(q.derivedFrom?.[0] ?? '', new RegExp(`/Questionnaire/creak-self-check\\|${content.version}$`));
    const first = triage(content, {});
    assert.equal(first.status, 'question');
    assert.deepEqual(q.item?.map((i) => i.linkId), [first.question.finding]);
  });

  it('maps yes/no with "I\'m not sure" to HL7\'s yesnodontknow codes', async () => {
    const { item } = await until(BACK, SHAPE.yesNoUnsure);
    assert.equal(item.type, 'choice');
    assert.deepEqual(item.answerOption?.map((o) => `${o.valueCoding?.system ?? ''}#${o.valueCoding?.code ?? ''}`), [
      'http://terminology.hl7.org/CodeSystem/v2-0136#Y', 'http://terminology.hl7.org/CodeSystem/v2-0136#N',
      'http://terminology.hl7.org/CodeSystem/data-absent-reason#asked-unknown',
    ]);
  });

  it('maps "tick all that apply" to a repeating check-box choice with exclusive "None of these" and "I\'m not sure"', async () => {
    const { item } = await until(BACK, SHAPE.tickAll);
    const question = pageView(content, item.linkId, findingCodes(item));
    assert.equal(item.type, 'choice');
    assert.equal(question?.kind, 'multi');
    assert.ok(item.extension?.some((e) => e.valueCodeableConcept?.coding?.[0]?.code === 'check-box'), 'check boxes');
    const options = item.answerOption ?? [];
    const findings: readonly string[] = question.findings;
    assert.ok(options.slice(0, -2).every((o) => findings.includes(o.valueCoding?.code ?? '')), 'one option per finding');
    const exclusive = options.filter((o) => o.extension?.some((e) => e.url.endsWith('questionnaire-optionExclusive')));
    assert.deepEqual(exclusive.map((o) => o.valueCoding?.display), ['None of these']);
    assert.equal(options.at(-1)?.valueCoding?.code, 'asked-unknown', '"I\'m not sure" last, and not exclusive');
  });

  it('maps a duration to a quantity in days, weeks or months, and converts the answer to weeks', async () => {
    const { r, item } = await until(KNEE, SHAPE.duration);
    assert.deepEqual(item.extension?.filter((e) => e.url.endsWith('questionnaire-unitOption')).map((e) => e.valueCoding?.code), ['d', 'wk', 'mo']);
    assert.equal(item.required, false, 'blank means "I\'m not sure"');
    const two = await post(withAnswer(r, item.linkId, [{ valueQuantity: { value: 2, unit: 'months', system: 'http://unitsofmeasure.org', code: 'mo' } }]));
    const next = two.body as fhir4.QuestionnaireResponse;
    assert.equal(two.status, 200);
    // What comes next is the engine's for the answers so far with 2 months as weeks: a question, or the outcome.
    const expected = triage(content, { ...replayAnswers(r), [item.linkId]: toWeeks(2, 'months') });
    if (expected.status === 'question') {
      assert.equal(newestItem(next)?.linkId, expected.question.kind === 'multi' ? expected.question.id : expected.question.finding);
    } else {
      assert.equal(expected.status, 'outcome');
      assert.equal(next.status, 'completed');
      const risk = (next.contained ?? []).find((c): c is fhir4.RiskAssessment => c.resourceType === 'RiskAssessment');
      assert.equal(risk?.prediction?.[0]?.qualitativeRisk?.coding?.[0]?.code, expected.outcome.level);
    }
  });

  it('takes a blank number as "I\'m not sure" and says so with data-absent-reason', async () => {
    const { r, item } = await until(KNEE, SHAPE.unsureNumber);
    const res = await post({ ...r, item: [...(r.item ?? []), { linkId: item.linkId }] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const echoed = (res.body as fhir4.QuestionnaireResponse).item?.find((i) => i.linkId === item.linkId);
    assert.deepEqual(echoed?.extension, [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'asked-unknown' }]);
  });
});

/** The engine's answers behind a response's items, read the way the service reads them (for the duration test). */
function replayAnswers(r: fhir4.QuestionnaireResponse): Record<string, boolean | number | string> {
  const out: Record<string, boolean | number | string> = {};
  const asked = questionnaireOf(r).item ?? [];
  for (const item of r.item ?? []) {
    const shown = asked.find((i) => i.linkId === item.linkId);
    const q = shown?.repeats === true ? pageView(content, item.linkId, findingCodes(shown)) : content.questions.find((x) => x.findings.includes(item.linkId));
    const a = item.answer ?? [];
    if (q === undefined) continue;
    if (q.kind === 'multi') {
      const codes = a.map((x) => x.valueCoding?.code);
      for (const f of q.findings) out[f] = codes.includes(f) ? true : codes.includes('asked-unknown') ? 'unknown' : false;
    } else if (a.length === 0) out[item.linkId] = 'unknown';
    else {
      const v = a[0];
      const code = v?.valueCoding?.code;
      out[item.linkId] = v?.valueBoolean ?? v?.valueInteger ?? v?.valueDecimal
        ?? (code === 'Y' ? true : code === 'N' ? false : code === 'asked-unknown' ? 'unknown' : code ?? 'unknown');
    }
  }
  return out;
}

describe('the ends of a check', () => {
  it('stops at once on an emergency, completed with the RiskAssessment and the result in words', async () => {
    const run = await runAdaptive(post, { ...BACK, bladder_change: true, saddle_numbness: true });
    assert.equal(run.level, 'emergency');
    const r = run.final;
    assert.equal(r.status, 'completed');
    const risk = (r.contained ?? []).find((c): c is fhir4.RiskAssessment => c.resourceType === 'RiskAssessment');
    assert.deepEqual(risk?.basis, [{ reference: '#' }]);
    const result = r.item?.at(-1);
    assert.equal(result?.linkId, 'creak.result');
    const title = result.item?.find((i) => i.linkId === 'creak.result.title')?.answer?.[0]?.valueString;
    assert.match(title ?? '', /999/);
    assert.match(r.text?.div ?? '', /^<div xmlns="http:\/\/www.w3.org\/1999\/xhtml">.*999/);
    assert.equal(questionnaireOf(r).item?.at(-1)?.linkId, 'creak.result');
  });

  it('codes every answer and the outcome in code systems the service publishes under the canonical base', async () => {
    const { config } = seeded();
    assert.notEqual(config.fhirCanonicalBase, config.baseUrl, 'the test needs a canonical base other than the address');
    const published = new Set(publishedDefinitions(content, config.fhirCanonicalBase)
      .filter((d): d is fhir4.CodeSystem => d.resourceType === 'CodeSystem').map((d) => d.url));
    for (const facts of [{ ...BACK, bladder_change: true }, KNEE]) {
      const run = await runAdaptive(post, facts);
      const systems = new Set([...JSON.stringify(run.final).matchAll(/"system":"([^"]+)"/g)].map((m) => m[1] ?? ''));
      const own = [...systems].filter((x) => !/^http:\/\/(terminology\.hl7\.org|unitsofmeasure\.org|loinc\.org|snomed\.info|hl7\.org)\b/.test(x));
      assert.ok(own.length > 0);
      for (const x of own) assert.ok(published.has(x), `${x} is not a published CodeSystem (published: ${[...published].join(', ')})`);
    }
  });

  it('ends out of scope under the minimum age: the advice, and no triage', async () => {
    const run = await runAdaptive(post, { age_years: content.minimumAge - 4 });
    assert.equal(run.level, 'out_of_scope');
    assert.equal(run.final.status, 'completed');
    assert.ok(!(run.final.contained ?? []).some((c) => c.resourceType === 'RiskAssessment'));
    assert.ok(run.final.item?.some((i) => i.linkId === 'creak.result'));
  });

  it('describes itself at /fhir/metadata: the operation, and no search without the clinic side', async () => {
    const res = await app.inject({ url: '/fhir/metadata' });
    assert.equal(res.statusCode, 200);
    const cs = res.json<fhir4.CapabilityStatement>();
    assertValidFhir(cs);
    const resources = cs.rest?.[0]?.resource ?? [];
    assert.deepEqual(resources.map((r) => r.type), ['Questionnaire']);
    assert.equal(resources[0]?.operation?.[0]?.definition, 'http://hl7.org/fhir/uv/sdc/OperationDefinition/Questionnaire-next-question');
  });

  it('answers the same at the instance-level address, and from a Parameters body', async () => {
    const viaInstance = await post(START, '/fhir/Questionnaire/creak-self-check/$next-question');
    assert.equal(viaInstance.status, 200);
    for (const name of ['questionnaire-response', 'in']) {
      const viaParameters = await post({ resourceType: 'Parameters', parameter: [{ name, resource: START }] });
      assert.equal(viaParameters.status, 200);
      assert.equal((viaParameters.body as fhir4.QuestionnaireResponse).resourceType, 'QuestionnaireResponse');
    }
  });

  it('asks again from a changed earlier answer, dropping the answers that no longer apply', async () => {
    const { r } = await until(KNEE, SHAPE.unsureNumber);
    const changed = { ...r, item: (r.item ?? []).map((i) => (i.linkId === 'body_region' ? { ...i, answer: [{ valueCoding: { ...i.answer?.[0]?.valueCoding, code: 'lower_back', display: 'Lower back' } }] } : i)) };
    const res = await post(changed);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const next = res.body as fhir4.QuestionnaireResponse;
    // The engine's own path over the changed answers: the items it still asks, then the first it has no answer for.
    const given = replayAnswers(changed);
    const values: Record<string, boolean | number | string> = {};
    const path: string[] = [];
    for (;;) {
      const result = triage(content, values);
      assert.equal(result.status, 'question');
      const q = result.question;
      const id = q.kind === 'multi' ? q.id : (q.finding ?? q.id);
      path.push(id);
      if (!q.findings.every((f) => f in given)) break;
      for (const f of q.findings) values[f] = given[f] ?? 'unknown';
    }
    assert.deepEqual(questionnaireOf(next).item?.map((i) => i.linkId), path);
    assert.deepEqual(next.item?.map((i) => i.linkId), path.slice(0, -1));
    assert.ok(path.length - 1 < (r.item ?? []).length, 'answers that no longer apply were dropped');
  });
});

describe('errors as OperationOutcome', () => {
  it('refuses a body that is not application/fhir+json with 415', async () => {
    for (const type of ['application/json', 'text/plain', 'application/xml', null]) expectOutcome(await send(JSON.stringify(START), type), 415, 'unsupported_media_type');
  });

  it('refuses malformed JSON, prototype keys and an oversized body', async () => {
    expectOutcome(await send('{"resourceType": "QuestionnaireResponse",'), 400, 'invalid_json');
    expectOutcome(await send('{"resourceType":"QuestionnaireResponse","status":"in-progress","__proto__":{"x":1}}'), 400, 'invalid_json');
    expectOutcome(await send(JSON.stringify({ ...START, id: 'x'.repeat(600_000) })), 413, 'payload_too_large');
  });

  it('refuses what is not an adaptive QuestionnaireResponse, naming the field', async () => {
    expectOutcome(await send(JSON.stringify({ resourceType: 'Patient' })), 400, 'invalid_resource', 'QuestionnaireResponse.resourceType');
    expectOutcome(await send(JSON.stringify({ resourceType: 'QuestionnaireResponse' })), 400, 'invalid_resource', 'QuestionnaireResponse.status');
    expectOutcome(await send(JSON.stringify({ ...START, item: [{ answer: [] }] })), 400, 'invalid_resource', 'QuestionnaireResponse.item[0].linkId');
    expectOutcome(await send(JSON.stringify({ resourceType: 'Parameters', parameter: [] })), 400, 'invalid_resource', 'Parameters.parameter');
    expectOutcome(await send('[]'), 400, 'invalid_resource');
  });

  it('refuses another questionnaire (404) and a response begun on another version of the check (409)', async () => {
    const { r } = await until(BACK, SHAPE.oneOf);
    const q = questionnaireOf(r);
    const other = (patch: Partial<fhir4.Questionnaire>) => ({ ...r, contained: [{ ...q, ...patch }] });
    expectOutcome(await send(JSON.stringify(other({ derivedFrom: ['http://example.org/Questionnaire/phq-9'] }))), 404, 'unknown_questionnaire', 'QuestionnaireResponse.contained[0].derivedFrom[0]');
    expectOutcome(await send(JSON.stringify(other({ version: 'older' }))), 409, 'content_changed', 'QuestionnaireResponse.contained[0].version');
    expectOutcome(await send(JSON.stringify(START), 'application/fhir+json', '/fhir/Questionnaire/phq-9/$next-question'), 404, 'unknown_questionnaire');
  });

  it('refuses an answer of the wrong type, exactly as the item says', async () => {
    const whole = await until(BACK, (i) => i.type === 'integer');
    const at = `QuestionnaireResponse.item[${whole.at}]`;
    const id = whole.item.linkId;
    expectOutcome(await send(JSON.stringify(withAnswer(whole.r, id, [{ valueString: '44' }]))), 400, 'wrong_answer_type', `${at}.answer[0]`);
    expectOutcome(await send(JSON.stringify(withAnswer(whole.r, id, [{ valueDecimal: 44 }]))), 400, 'wrong_answer_type', `${at}.answer[0]`);
    expectOutcome(await send(JSON.stringify(withAnswer(whole.r, id, [{ valueInteger: 44, valueString: 'x' }]))), 400, 'wrong_answer_type');
    expectOutcome(await send(JSON.stringify(withAnswer(whole.r, id, [{ valueInteger: 44 }, { valueInteger: 45 }]))), 400, 'invalid_answer', `${at}.answer`);
    const yesNo = await until(BACK, SHAPE.yesNoUnsure);
    expectOutcome(await send(JSON.stringify(withAnswer(yesNo.r, yesNo.item.linkId, [{ valueBoolean: true }]))), 400, 'wrong_answer_type');
    const duration = await until(KNEE, SHAPE.duration);
    const d = duration.item.linkId;
    expectOutcome(await send(JSON.stringify(withAnswer(duration.r, d, [{ valueDecimal: 3 }]))), 400, 'wrong_answer_type', `QuestionnaireResponse.item[${duration.at}].answer[0]`);
    expectOutcome(await send(JSON.stringify(withAnswer(duration.r, d, [{ valueQuantity: { value: 3, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' } }]))), 400, 'invalid_answer');
  });

  it('refuses a value the engine refuses, at the answer that holds it', async () => {
    const whole = await until(BACK, (i) => i.type === 'integer');
    const max = whole.item.extension?.find((e) => e.url.endsWith('maxValue'))?.valueInteger ?? 0;
    expectOutcome(await send(JSON.stringify(withAnswer(whole.r, whole.item.linkId, [{ valueInteger: max + 1 }]))), 400, 'out_of_range', `QuestionnaireResponse.item[${whole.at}].answer[0]`);
    const one = await until(BACK, SHAPE.oneOf);
    const code = one.item.answerOption?.[0]?.valueCoding?.code ?? '';
    expectOutcome(await send(JSON.stringify(withAnswer(one.r, one.item.linkId, [{ valueCoding: { system: 'http://example.org/x', code } }]))), 400, 'invalid_answer', `QuestionnaireResponse.item[${one.at}].answer[0]`);
  });

  it('refuses "None of these" ticked with another option; takes "I\'m not sure" beside ticked ones (the rest unsure)', async () => {
    const { r, item } = await until(BACK, SHAPE.tickAll);
    const options = (item.answerOption ?? []).map((o) => o.valueCoding ?? {});
    const [first] = options;
    const none = options.at(-2) ?? {};
    const unsure = options.at(-1) ?? {};
    expectOutcome(await send(JSON.stringify(withAnswer(r, item.linkId, [{ valueCoding: first ?? {} }, { valueCoding: none }]))), 400, 'invalid_answer');
    const both = await post(withAnswer(r, item.linkId, [{ valueCoding: first ?? {} }, { valueCoding: unsure }]));
    assert.equal(both.status, 200, JSON.stringify(both.body));
  });

  it('refuses an answer to an item that was not asked, and an asked item with no answer', async () => {
    const { r, at } = await until(BACK, SHAPE.tickAll);
    const later = content.questions.find((q) => q.kind === 'boolean' && !(questionnaireOf(r).item ?? []).some((i) => i.linkId === q.findings[0]));
    expectOutcome(await send(JSON.stringify(withAnswer(r, later?.findings[0] ?? 'x', [{ valueBoolean: true }]))), 400, 'item_not_asked', `QuestionnaireResponse.item[${at}].linkId`);
    const first = await until(BACK, SHAPE.first);
    expectOutcome(await send(JSON.stringify({ ...START, item: [{ linkId: first.item.linkId, answer: [{ valueInteger: 40 }] }] })), 400, 'item_not_asked');
    expectOutcome(await send(JSON.stringify(r)), 400, 'missing_answer');
    const dup = { ...r, item: [...(r.item ?? []), ...(r.item ?? []).slice(0, 1)] };
    expectOutcome(await send(JSON.stringify(dup)), 400, 'invalid_resource');
  });

  it('answers other methods with 405 and unknown /fhir addresses with 404, as OperationOutcome', async () => {
    const res = await app.inject({ method: 'GET', url: URL_TYPE });
    expectOutcome(res, 405, 'method_not_allowed');
    assert.equal(res.headers.allow, 'POST');
    expectOutcome(await app.inject({ method: 'GET', url: '/fhir/Nothing/here' }), 404, 'not_found');
  });

  it('never answers arbitrary JSON, or a real response with arbitrary answers, with a 5xx', async () => {
    const { r: base } = await until(BACK, SHAPE.tickAll);
    const linkIds = [...(questionnaireOf(base).item ?? []).map((i) => i.linkId), 'nothing'];
    await fc.assert(fc.asyncProperty(
      fc.oneof(
        fc.jsonValue(),
        fc.record({ resourceType: fc.constant('QuestionnaireResponse'), status: fc.constant('in-progress'), item: fc.array(fc.jsonValue(), { maxLength: 3 }), contained: fc.jsonValue() }),
        fc.tuple(fc.constantFrom(...linkIds), fc.array(fc.dictionary(fc.constantFrom('valueBoolean', 'valueInteger', 'valueDecimal', 'valueCoding', 'valueQuantity', 'valueString'), fc.jsonValue()), { maxLength: 3 }))
          .map(([linkId, answer]) => ({ ...base, item: [...(base.item ?? []).filter((i) => i.linkId !== linkId), { linkId, answer }] })),
      ),
      async (body) => {
        const res = await send(JSON.stringify(body));
        assert.ok(res.statusCode === 200 || (res.statusCode >= 400 && res.statusCode < 500), `${res.statusCode} for ${JSON.stringify(body).slice(0, 300)}: ${res.body.slice(0, 300)}`);
        if (res.statusCode !== 200) assert.equal(res.json<fhir4.OperationOutcome>().resourceType, 'OperationOutcome');
      },
    ), { numRuns: 150 });
  });
});
