// HTTP tests for the v1 JSON API: the fixed triage contract, every error case, the catalogue, content, OpenAPI, CORS and health.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Clinic } from '../clinic/index.js';
import { loadConfig } from '../config.js';
import { ERROR_CODES } from '../server/errors.js';
import { seeded, testApp } from '../server/test-support.js';
import { randomKey } from '../web/state/seal.js';

const app = testApp();
after(() => app.close());

const post = (payload: string, type: string | null = 'application/json') =>
  app.inject({ method: 'POST', url: '/api/v1/triage', payload, headers: type === null ? {} : { 'content-type': type } });
const triage = (answers: unknown) => post(JSON.stringify({ answers }));

interface ErrorBody { error: { code: string; message: string; path: string | null } }

function expectError(res: Awaited<ReturnType<typeof post>>, status: number, code: string, path: string | null): void {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const body = res.json<ErrorBody>();
  assert.equal(body.error.code, code);
  assert.equal(body.error.path, path);
  assert.equal(typeof body.error.message, 'string');
  assert.doesNotMatch(res.body, /at \w+ \(|node_modules|\.ts:\d+/, 'no stack trace');
}

const BACK = { age_years: 44, body_region: 'lower_back', main_concern: 'pain_only' };

test('no answers: the first question, in the contract shape', async () => {
  const res = await triage({});
  assert.equal(res.statusCode, 200);
  const body = res.json<{ status: string; question: Record<string, unknown>; contentVersion: string }>();
  assert.equal(body.status, 'question');
  assert.equal(body.contentVersion, seeded().content.version);
  for (const key of ['id', 'kind', 'finding', 'text', 'unknownAllowed']) assert.ok(key in body.question, key);
  assert.equal(body.question.kind, 'number');
  assert.equal(res.headers['cache-control'], 'no-store');
});

test('a multi question carries the finding each option sets', async () => {
  const body = (await triage(BACK)).json<{ question: { kind: string; options: { value: string; label: string; finding?: string }[] } }>();
  assert.equal(body.question.kind, 'multi');
  for (const o of body.question.options) assert.equal(typeof o.finding, 'string');
});

test('an emergency outcome explains itself: title, rules with because and sources, advice, safety net filled, articles', async () => {
  const res = await triage({ ...BACK, bladder_change: true });
  assert.equal(res.statusCode, 200);
  const { outcome, status } = res.json<{ status: string; outcome: Record<string, unknown> & { rules: { id: string; reason: string; because: string[]; sources: string[] }[]; articles: { url: string }[]; safetyNet: string[]; advice: { doNow: string[] } } }>();
  assert.equal(status, 'outcome');
  assert.equal(outcome.level, 'emergency');
  assert.equal(outcome.title, 'Call 999 now');
  const e1 = outcome.rules.find((r) => r.id === 'E1');
  assert.ok(e1);
  assert.ok(e1.because.includes('bladder_change'));
  assert.ok(e1.sources.length > 0);
  for (const key of ['checkedAbsent', 'unsure', 'safetyNet', 'advice', 'articles', 'contentVersion']) assert.ok(key in outcome, key);
  assert.ok(outcome.safetyNet.every((s) => !s.includes('{{')), 'placeholders filled');
  assert.ok(outcome.advice.doNow.some((d) => d.includes('999')));
  assert.ok(outcome.articles.length > 0 && outcome.articles.every((a) => a.url.startsWith('http://localhost:3000/articles/')));
});

test('an unsure answer to an emergency sign gives at least urgent and says which answer raised it', async () => {
  const body = (await triage({ ...BACK, bladder_change: 'unknown', bowel_change: false, saddle_numbness: false, both_legs_symptoms: false }))
    .json<{ status: string; outcome?: { level: string; unsure: { finding: string }[] }; question?: unknown }>();
  // The check may still ask more; walk on with "no" to everything it asks.
  let answers: Record<string, unknown> = { ...BACK, bladder_change: 'unknown', bowel_change: false, saddle_numbness: false, both_legs_symptoms: false };
  let current = body;
  for (let i = 0; i < 80 && current.status === 'question'; i++) {
    const q = current.question as { findings: string[] ; kind: string };
    for (const f of q.findings) answers = { ...answers, [f]: seeded().content.findings.get(f)?.type === 'boolean' ? false : 'unknown' };
    current = (await triage(answers)).json();
  }
  assert.equal(current.status, 'outcome');
  assert.ok(['urgent', 'emergency'].includes(current.outcome?.level ?? ''));
  assert.ok(current.outcome?.unsure.some((u) => u.finding === 'bladder_change'));
});

test('under 16: out of scope with advice', async () => {
  const body = (await triage({ age_years: 12 })).json<{ status: string; minimumAge: number; advice: { title: string } }>();
  assert.equal(body.status, 'out_of_scope');
  assert.equal(body.minimumAge, 16);
  assert.match(body.advice.title, /16/);
});

test('answers for findings outside the region are validated and ignored', async () => {
  const withKnee = await triage({ ...BACK, joint_swollen: true, joint_hot_red: true });
  assert.equal(withKnee.statusCode, 200);
  assert.deepEqual(withKnee.json<{ question: unknown }>().question, (await triage(BACK)).json<{ question: unknown }>().question);
  expectError(await triage({ ...BACK, joint_swollen: 'very' }), 400, 'wrong_type', 'answers.joint_swollen');
});

test('every kind of bad answer is a 400 with its code and path', async () => {
  expectError(await triage({ no_such_finding: true }), 400, 'unknown_finding', 'answers.no_such_finding');
  expectError(await triage({ age_years: 'forty' }), 400, 'wrong_type', 'answers.age_years');
  expectError(await triage({ age_years: 121 }), 400, 'out_of_range', 'answers.age_years');
  expectError(await triage({ age_years: 44.5 }), 400, 'not_whole_number', 'answers.age_years');
  expectError(await triage({ body_region: 'toe' }), 400, 'invalid_choice', 'answers.body_region');
  expectError(await triage({ age_years: 'unknown' }), 400, 'unknown_not_allowed', 'answers.age_years');
});

test('bad bodies: malformed JSON, empty, not an object, no answers', async () => {
  expectError(await post('{"answers": {'), 400, 'invalid_json', null);
  expectError(await post(''), 400, 'invalid_json', null);
  expectError(await post('{"__proto__": {"x": 1}}'), 400, 'invalid_body', 'answers');
  expectError(await post('[]'), 400, 'invalid_body', null);
  expectError(await post('null'), 400, 'invalid_body', null);
  expectError(await post('{}'), 400, 'invalid_body', 'answers');
});

test('an oversize body is 413; a wrong or missing content type is 415; a wrong method is 405', async () => {
  expectError(await post(JSON.stringify({ answers: { x: 'y'.repeat(40_000) } })), 413, 'payload_too_large', null);
  expectError(await post('answers=1', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type', null);
  expectError(await post('{"answers":{}}', 'text/plain'), 415, 'unsupported_media_type', null);
  expectError(await post('{"answers":{}}', null), 415, 'unsupported_media_type', null);
  const get = await app.inject({ url: '/api/v1/triage' });
  expectError(get, 405, 'method_not_allowed', null);
  assert.equal(get.headers.allow, 'POST');
  expectError(await app.inject({ method: 'POST', url: '/api/v1/findings' }), 405, 'method_not_allowed', null);
  expectError(await app.inject({ url: '/api/v1/nothing-here' }), 404, 'not_found', null);
});

test('GET /api/v1/findings lists the catalogue; /api/v1/content the version and counts', async () => {
  const findings = (await app.inject({ url: '/api/v1/findings' })).json<{ contentVersion: string; findings: { id: string; type: string }[] }>();
  assert.equal(findings.findings.length, seeded().content.findings.size);
  assert.ok(findings.findings.some((f) => f.id === 'bladder_change' && f.type === 'boolean'));
  const content = (await app.inject({ url: '/api/v1/content' })).json<{ version: string; counts: Record<string, number> }>();
  assert.equal(content.version, seeded().content.version);
  assert.equal(content.counts.rules, seeded().content.rules.length);
});

test('the OpenAPI document describes every route and lists every error code', async () => {
  const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json<{ openapi: string; paths: Record<string, unknown>; components: { schemas: { Error: { properties: { error: { properties: { code: { enum: string[] } } } } } } } }>();
  assert.equal(doc.openapi, '3.1.0');
  for (const path of ['/api/v1/triage', '/api/v1/findings', '/api/v1/content', '/healthz']) assert.ok(path in doc.paths, path);
  assert.deepEqual(doc.components.schemas.Error.properties.error.properties.code.enum, [...ERROR_CODES]);
});

test('CORS: only configured origins get access, preflight included', async () => {
  const s = seeded();
  const local = testApp({ config: { ...s.config, corsOrigins: ['https://clinic.example'] } });
  try {
    const allowed = await local.inject({ method: 'POST', url: '/api/v1/triage', headers: { 'content-type': 'application/json', origin: 'https://clinic.example' }, payload: '{"answers":{}}' });
    assert.equal(allowed.headers['access-control-allow-origin'], 'https://clinic.example');
    const big = await local.inject({ method: 'POST', url: '/api/v1/triage', headers: { 'content-type': 'application/json', origin: 'https://clinic.example', 'accept-encoding': 'gzip' }, payload: '{"answers":{"age_years":40,"body_region":"lower_back","main_concern":"pain_only"}}' });
    assert.equal(big.headers['content-encoding'], 'gzip');
    assert.match(String(big.headers.vary), /origin/i);
    assert.match(String(big.headers.vary), /accept-encoding/);
    const other = await local.inject({ method: 'POST', url: '/api/v1/triage', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, payload: '{"answers":{}}' });
    assert.equal(other.headers['access-control-allow-origin'], undefined);
    const preflight = await local.inject({ method: 'OPTIONS', url: '/api/v1/triage', headers: { origin: 'https://clinic.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], 'https://clinic.example');
    assert.match(String(preflight.headers['access-control-allow-methods']), /POST/);
  } finally {
    await local.close();
  }
  const none = await app.inject({ method: 'POST', url: '/api/v1/triage', headers: { 'content-type': 'application/json', origin: 'https://clinic.example' }, payload: '{"answers":{}}' });
  assert.equal(none.headers['access-control-allow-origin'], undefined);
});

test('GET /healthz: 200 when content is loaded and the database answers, 503 when it does not', async () => {
  const clinic = (ping: () => Promise<boolean>): Clinic => ({ plugin: async () => { /* no routes */ }, ping, close: async () => { /* nothing */ }, stateKeys: [randomKey()] });
  for (const [ping, status, database] of [
    [() => Promise.resolve(true), 200, 'ok'],
    [() => Promise.resolve(false), 503, 'down'],
    [() => Promise.reject(new Error('connection refused')), 503, 'down'],
  ] as const) {
    const local = testApp({ clinic: clinic(ping) });
    try {
      const res = await local.inject({ url: '/healthz' });
      assert.equal(res.statusCode, status);
      assert.equal(res.json<{ database: string }>().database, database);
      assert.doesNotMatch(res.body, /refused/);
    } finally {
      await local.close();
    }
  }
  const plain = await app.inject({ url: '/healthz' });
  assert.equal(plain.statusCode, 200);
  assert.equal(plain.json<{ content: string }>().content, seeded().content.version);
  assert.equal(loadConfig({}).port, 3000);
});

test('a control character anywhere in the body is a 400 naming its path', async () => {
  expectError(await triage({ age_years: 40, body_region: 'knee\u0000' }), 400, 'control_character', 'answers.body_region');
  expectError(await post(JSON.stringify({ answers: { 'age\u0001years': 40 } })), 400, 'control_character', 'answers.ageyears');
  expectError(await post(JSON.stringify({ answers: {}, note: ['ok', 'bad\u007f'] })), 400, 'control_character', 'note.1');
});

test('an "answers" that is not an object is a bad body, and a __proto__ key is an unknown finding, not bad JSON', async () => {
  expectError(await post('{"answers": null}'), 400, 'invalid_body', 'answers');
  expectError(await triage([1, 2]), 400, 'invalid_body', 'answers');
  expectError(await triage('yes'), 400, 'invalid_body', 'answers');
  expectError(await post('{"answers": {"__proto__": true}}'), 400, 'unknown_finding', 'answers.__proto__');
  expectError(await post('{"answers": {"constructor": {"prototype": 1}}}'), 400, 'unknown_finding', 'answers.constructor');
  expectError(await post('{"__proto__": {"answers": {}}}'), 400, 'invalid_body', 'answers');
  const ok = await post('{"answers": {"age_years": 40}, "__proto__": {"polluted": true}}');
  assert.equal(ok.statusCode, 200, 'an extra top-level key is ignored like any other');
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'nothing reaches Object.prototype');
});

test('a number question says whether it takes a whole number', async () => {
  const age = (await triage({})).json<{ question: { finding: string; integer?: boolean } }>().question;
  assert.equal(age.finding, 'age_years');
  assert.equal(age.integer, true);
  let answers: Record<string, unknown> = { ...BACK };
  for (let i = 0; i < 80; i++) {
    const body = (await triage(answers)).json<{ status: string; question?: { kind: string; finding?: string; findings: string[]; integer?: boolean } }>();
    if (body.status !== 'question' || body.question === undefined) break;
    const q = body.question;
    if (q.kind === 'number') {
      const def = seeded().content.findings.get(q.finding ?? '');
      assert.ok(def?.type === 'number');
      assert.equal(q.integer, def.integer, q.finding);
    }
    for (const f of q.findings) answers = { ...answers, [f]: seeded().content.findings.get(f)?.type === 'boolean' ? false : 'unknown' };
  }
});

test('the OpenAPI document maps each status to its schema and declares 404, 405 and 503', async () => {
  const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json<{ paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { discriminator?: { propertyName: string; mapping?: Record<string, string> } } }> }> }>>; components: { schemas: { Question: { properties: Record<string, unknown> } } } }>();
  const ok = doc.paths['/api/v1/triage']?.post?.responses['200']?.content?.['application/json']?.schema;
  assert.deepEqual(ok?.discriminator, {
    propertyName: 'status',
    mapping: { question: '#/components/schemas/QuestionResult', outcome: '#/components/schemas/OutcomeResult', out_of_scope: '#/components/schemas/OutOfScopeResult' },
  });
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      for (const status of ['404', '405']) assert.ok(status in op.responses, `${method.toUpperCase()} ${path} declares ${status}`);
      if (path !== '/healthz') assert.ok('503' in op.responses, `${method.toUpperCase()} ${path} declares 503`);
    }
  }
  assert.ok('integer' in doc.components.schemas.Question.properties);
});
