// HTTP tests for SDC $next-question: the item mapping, a whole check's ends (emergency stop, out of scope), changing an
// earlier answer, and every error as an OperationOutcome with a 4xx status (never a 500, even for arbitrary JSON).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import type * as fhir4 from 'fhir/r4.js';
import { toWeeks, triage } from '../../engine/index.js';
import { assertValidFhir } from '../../../test/clinic/helpers/fhir-validate.js';
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

/** Answers as `facts` until the newest item is `linkId` (not answered), and returns that response. */
async function until(facts: Facts, linkId: string): Promise<fhir4.QuestionnaireResponse> {
  let response = START;
  for (let i = 0; i < 80; i++) {
    const res = await post(response);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    response = res.body as fhir4.QuestionnaireResponse;
    if (newestItem(response)?.linkId === linkId) return response;
    assert.equal(response.status, 'in-progress', `reached the end before ${linkId}`);
    response = answerNewest(response, (item) => answerItem(item, facts));
  }
  throw new Error(`never asked ${linkId}`);
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
    assert.match(q.derivedFrom?.[0] ?? '', new RegExp(`/fhir/Questionnaire/creak-self-check\\|${content.version}$`));
    const first = triage(content, {});
    assert.equal(first.status, 'question');
    assert.deepEqual(q.item?.map((i) => i.linkId), [first.question.finding]);
  });

  it('maps yes/no with "I\'m not sure" to HL7\'s yesnodontknow codes', async () => {
    const r = await until(BACK, 'cancer_history');
    const item = newestItem(r);
    assert.equal(item?.type, 'choice');
    assert.deepEqual(item.answerOption?.map((o) => `${o.valueCoding?.system ?? ''}#${o.valueCoding?.code ?? ''}`), [
      'http://terminology.hl7.org/CodeSystem/v2-0136#Y', 'http://terminology.hl7.org/CodeSystem/v2-0136#N',
      'http://terminology.hl7.org/CodeSystem/data-absent-reason#asked-unknown',
    ]);
  });

  it('maps "tick all that apply" to a repeating check-box choice with exclusive "None of these" and "I\'m not sure"', async () => {
    const r = await until(BACK, 'cauda-equina');
    const item = newestItem(r);
    const question = content.questions.find((q) => q.id === 'cauda-equina');
    assert.equal(item?.type, 'choice');
    assert.equal(item.repeats, true);
    assert.ok(item.extension?.some((e) => e.valueCodeableConcept?.coding?.[0]?.code === 'check-box'));
    const options = item.answerOption ?? [];
    assert.deepEqual(options.slice(0, -2).map((o) => o.valueCoding?.code), question?.findings);
    const exclusive = options.filter((o) => o.extension?.some((e) => e.url.endsWith('questionnaire-optionExclusive')));
    assert.deepEqual(exclusive.map((o) => o.valueCoding?.display), ['None of these', "I'm not sure"]);
  });

  it('maps a duration to a quantity in days, weeks or months, and converts the answer to weeks', async () => {
    const r = await until(KNEE, 'duration_weeks');
    const item = newestItem(r);
    assert.equal(item?.type, 'quantity');
    assert.deepEqual(item.extension?.filter((e) => e.url.endsWith('questionnaire-unitOption')).map((e) => e.valueCoding?.code), ['d', 'wk', 'mo']);
    assert.equal(item.required, false, 'blank means "I\'m not sure"');
    const two = await post(withAnswer(r, 'duration_weeks', [{ valueQuantity: { value: 2, unit: 'months', system: 'http://unitsofmeasure.org', code: 'mo' } }]));
    const next = two.body as fhir4.QuestionnaireResponse;
    assert.equal(two.status, 200);
    // The next question is the engine's for the answers so far with 2 months as weeks.
    const expected = triage(content, { ...replayAnswers(r), duration_weeks: toWeeks(2, 'months') });
    assert.equal(expected.status, 'question');
    assert.equal(newestItem(next)?.linkId, expected.question.kind === 'multi' ? expected.question.id : expected.question.finding);
  });

  it('takes a blank number as "I\'m not sure" and says so with data-absent-reason', async () => {
    const r = await until(KNEE, 'pain_score');
    const res = await post({ ...r, item: [...(r.item ?? []), { linkId: 'pain_score' }] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const echoed = (res.body as fhir4.QuestionnaireResponse).item?.find((i) => i.linkId === 'pain_score');
    assert.deepEqual(echoed?.extension, [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'asked-unknown' }]);
  });
});

/** The engine's answers behind a response's items, read the way the service reads them (for the duration test). */
function replayAnswers(r: fhir4.QuestionnaireResponse): Record<string, boolean | number | string> {
  const out: Record<string, boolean | number | string> = {};
  for (const item of r.item ?? []) {
    const q = content.questions.find((x) => x.findings.includes(item.linkId) || x.id === item.linkId);
    const a = item.answer ?? [];
    if (q === undefined) continue;
    if (q.kind === 'multi') {
      const codes = a.map((x) => x.valueCoding?.code);
      for (const f of q.findings) out[f] = codes.includes('asked-unknown') ? 'unknown' : codes.includes(f);
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
    const r = await until(KNEE, 'pain_score');
    const changed = { ...r, item: (r.item ?? []).map((i) => (i.linkId === 'body_region' ? { ...i, answer: [{ valueCoding: { ...i.answer?.[0]?.valueCoding, code: 'lower_back', display: 'Lower back' } }] } : i)) };
    const res = await post(changed);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const next = res.body as fhir4.QuestionnaireResponse;
    const expected = triage(content, { age_years: 30, body_region: 'lower_back', main_concern: 'noise_and_pain' });
    assert.equal(expected.status, 'question');
    assert.deepEqual(questionnaireOf(next).item?.map((i) => i.linkId), ['age_years', 'body_region', 'main_concern', expected.question.kind === 'multi' ? expected.question.id : expected.question.finding]);
    assert.deepEqual(next.item?.map((i) => i.linkId), ['age_years', 'body_region', 'main_concern']);
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
    const r = await until(BACK, 'body_region');
    const q = questionnaireOf(r);
    const other = (patch: Partial<fhir4.Questionnaire>) => ({ ...r, contained: [{ ...q, ...patch }] });
    expectOutcome(await send(JSON.stringify(other({ derivedFrom: ['http://example.org/Questionnaire/phq-9'] }))), 404, 'unknown_questionnaire', 'QuestionnaireResponse.contained[0].derivedFrom[0]');
    expectOutcome(await send(JSON.stringify(other({ version: 'older' }))), 409, 'content_changed', 'QuestionnaireResponse.contained[0].version');
    expectOutcome(await send(JSON.stringify(START), 'application/fhir+json', '/fhir/Questionnaire/phq-9/$next-question'), 404, 'unknown_questionnaire');
  });

  it('refuses an answer of the wrong type, exactly as the item says', async () => {
    const age = await until(BACK, 'age_years');
    expectOutcome(await send(JSON.stringify(withAnswer(age, 'age_years', [{ valueString: '44' }]))), 400, 'wrong_answer_type', 'QuestionnaireResponse.item[0].answer[0]');
    expectOutcome(await send(JSON.stringify(withAnswer(age, 'age_years', [{ valueDecimal: 44 }]))), 400, 'wrong_answer_type', 'QuestionnaireResponse.item[0].answer[0]');
    expectOutcome(await send(JSON.stringify(withAnswer(age, 'age_years', [{ valueInteger: 44, valueString: 'x' }]))), 400, 'wrong_answer_type');
    expectOutcome(await send(JSON.stringify(withAnswer(age, 'age_years', [{ valueInteger: 44 }, { valueInteger: 45 }]))), 400, 'invalid_answer', 'QuestionnaireResponse.item[0].answer');
    const cancer = await until(BACK, 'cancer_history');
    expectOutcome(await send(JSON.stringify(withAnswer(cancer, 'cancer_history', [{ valueBoolean: true }]))), 400, 'wrong_answer_type');
    const duration = await until(KNEE, 'duration_weeks');
    const idx = duration.item?.length ?? 0;
    expectOutcome(await send(JSON.stringify(withAnswer(duration, 'duration_weeks', [{ valueDecimal: 3 }]))), 400, 'wrong_answer_type', `QuestionnaireResponse.item[${idx}].answer[0]`);
    expectOutcome(await send(JSON.stringify(withAnswer(duration, 'duration_weeks', [{ valueQuantity: { value: 3, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' } }]))), 400, 'invalid_answer');
  });

  it('refuses a value the engine refuses, at the answer that holds it', async () => {
    const age = await until(BACK, 'age_years');
    expectOutcome(await send(JSON.stringify(withAnswer(age, 'age_years', [{ valueInteger: 300 }]))), 400, 'out_of_range', 'QuestionnaireResponse.item[0].answer[0]');
    const region = await until(BACK, 'body_region');
    expectOutcome(await send(JSON.stringify(withAnswer(region, 'body_region', [{ valueCoding: { system: 'http://example.org/x', code: 'knee' } }]))), 400, 'invalid_answer', 'QuestionnaireResponse.item[1].answer[0]');
  });

  it('refuses "None of these" or "I\'m not sure" ticked with another option', async () => {
    const r = await until(BACK, 'cauda-equina');
    const options = (newestItem(r)?.answerOption ?? []).map((o) => o.valueCoding ?? {});
    const [first] = options;
    for (const exclusive of options.slice(-2)) {
      expectOutcome(await send(JSON.stringify(withAnswer(r, 'cauda-equina', [{ valueCoding: first ?? {} }, { valueCoding: exclusive }]))), 400, 'invalid_answer');
    }
  });

  it('refuses an answer to an item that was not asked, and an asked item with no answer', async () => {
    const r = await until(BACK, 'main_concern');
    expectOutcome(await send(JSON.stringify(withAnswer(r, 'bladder_change', [{ valueBoolean: true }]))), 400, 'item_not_asked', `QuestionnaireResponse.item[${r.item?.length ?? 0}].linkId`);
    expectOutcome(await send(JSON.stringify({ ...START, item: [{ linkId: 'age_years', answer: [{ valueInteger: 40 }] }] })), 400, 'item_not_asked');
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
    const base = await until(BACK, 'cauda-equina');
    const linkIds = ['age_years', 'body_region', 'main_concern', 'cauda-equina', 'nothing'];
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
