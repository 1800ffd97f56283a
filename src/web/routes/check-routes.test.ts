// HTTP tests for the check: the flow for each level, validation, Back, Change, saved results, privacy of answers.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { LEVELS } from '../../engine/types.js';
import { answersToFields } from '../answer-fields.js';
import { answerUntil, PEOPLE } from '../examples.js';
import { formEncode, hiddenFields, seeded, testApp, walkCheck } from '../../server/test-support.js';

const app = testApp();
after(() => app.close());
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const postForm = (url: string, fields: readonly (readonly [string, string])[]) => app.inject({ method: 'POST', url, headers: FORM, payload: formEncode(fields) });
const hidden = (answers: Record<string, unknown>) => answersToFields(answers as never).map((f) => [f.name, f.value] as const);

test('the first question page: heading, emergency line, tel links, no cookies, strict headers', async () => {
  const res = await app.inject({ url: '/check', headers: { 'accept-encoding': 'br' } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-encoding'], 'br');
  const plain = await app.inject({ url: '/check' });
  assert.match(plain.body, /<h1><label for="answer">How old are you\?<\/label><\/h1>/);
  assert.match(plain.body, /id="emergency"[^]*<a href="tel:999">999<\/a>/);
  assert.match(plain.body, /<a class="back" href="\/">Back<\/a>/);
  assert.equal(plain.headers['set-cookie'], undefined);
  const csp = String(plain.headers['content-security-policy']);
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(plain.headers['x-content-type-options'], 'nosniff');
  assert.equal(plain.headers['referrer-policy'], 'no-referrer');
  assert.doesNotMatch(plain.body, /<script>|<script type="module">[^<]/, 'no inline script');
});

for (const level of LEVELS) {
  test(`a ${level} person gets a ${level} result, ${level === 'emergency' ? 'at once' : 'after checking their answers'}`, async () => {
    const walk = await walkCheck(app, PEOPLE[level]);
    assert.equal(walk.status, 200);
    assert.equal(walk.pages.at(-1), 'result');
    assert.match(walk.html, new RegExp(`class="card card-${level}"`));
    assert.equal(walk.pages.includes('check-answers'), level !== 'emergency');
    assert.match(walk.html, /<h2>Why you got this result<\/h2>/);
    assert.match(walk.html, /action="\/send\/start"/);
    assert.match(walk.html, /\/check\/saved#v=/);
  });
}

test('answers travel only in POST bodies: no page links or form actions carry them', async () => {
  const walk = await walkCheck(app, PEOPLE.routine);
  for (const m of walk.html.matchAll(/(?:href|action)="([^"]*)"/g)) {
    const url = m[1] ?? '';
    const beforeFragment = url.split('#')[0] ?? '';
    assert.doesNotMatch(beforeFragment, /[?&](a\.|age_years|body_region)/, url);
  }
  for (const m of walk.html.matchAll(/<form [^>]*>/g)) assert.match(m[0], /method="post"/);
});

test('missing or invalid input re-shows the page with an error summary linked to the field, keeping what was typed', async () => {
  const typed = await postForm('/check', [['q', 'age'], ['answer', 'forty']]);
  assert.equal(typed.statusCode, 400);
  assert.match(typed.body, /<title>Error: How old are you\?/);
  assert.match(typed.body, /<div class="errs" role="alert"[^>]*>[^]*<a href="#answer">Enter your age in whole years, like 45<\/a>/);
  assert.match(typed.body, /<input class="num num-err" id="answer" name="answer"[^>]*value="forty"/);
  assert.match((await postForm('/check', [['q', 'age'], ['answer', '130']])).body, /Enter an age from 0 to 120/);
  assert.match((await postForm('/check', [['q', 'age'], ['answer', '']])).body, /Enter your age/);
  const region = await postForm('/check', [...hidden({ age_years: 40 }), ['q', 'region']]);
  assert.equal(region.statusCode, 400);
  assert.match(region.body, /Select where the noise or pain is/);
  assert.deepEqual(hiddenFields(region.body, '/check').filter(([k]) => k.startsWith('a.')), [['a.age_years', '40']]);
});

test('a multi question: None of these cannot be ticked with another option; a red flag goes straight to the result', async () => {
  const { answers, stoppedAt } = answerUntil(seeded().content, PEOPLE.emergency, (q) => q.findings.includes('bladder_change'));
  assert.ok(stoppedAt);
  assert.equal(stoppedAt.kind, 'multi');
  const q = stoppedAt.id;
  const o = stoppedAt.findings.join(' ');
  const both = await postForm('/check', [...hidden(answers), ['q', q], ['o', o], ['answer', 'none'], ['answer', 'bladder_change']]);
  assert.equal(both.statusCode, 400);
  assert.match(both.body, /on its own/);
  const flag = await postForm('/check', [...hidden(answers), ['q', q], ['o', o], ['answer', 'bladder_change']]);
  assert.equal(flag.statusCode, 200);
  assert.match(flag.body, /class="card card-emergency"/);
  const tampered = await postForm('/check', [...hidden(answers), ['q', q], ['o', `${o} joint_swollen`], ['answer', 'none']]);
  assert.equal(tampered.statusCode, 400);
  assert.match(tampered.body, /Sorry, there is a problem/);
});

test('a duration can be given in days, weeks or months', async () => {
  const { answers, stoppedAt } = answerUntil(seeded().content, { age_years: 40, body_region: 'lower_back', main_concern: 'pain_only', pain_score: 3 }, (q) => q.id === 'duration');
  assert.ok(stoppedAt);
  const months = await postForm('/check', [...hidden(answers), ['q', 'duration'], ['answer', '3'], ['unit', 'months']]);
  assert.equal(months.statusCode, 200);
  assert.ok(hiddenFields(months.body, '/check').some(([k, v]) => k === 'a.duration_weeks' && v === '13.045'));
  const badUnit = await postForm('/check', [...hidden(answers), ['q', 'duration'], ['answer', '3'], ['unit', 'years']]);
  assert.equal(badUnit.statusCode, 400);
  assert.match(badUnit.body, /Select days, weeks or months/);
  const unsure = await postForm('/check', [...hidden(answers), ['q', 'duration'], ['answer', ''], ['unsure', 'yes']]);
  assert.ok(hiddenFields(unsure.body, '/check').some(([k, v]) => k === 'a.duration_weeks' && v === 'unknown'));
});

test('Back shows the previous question with its answer selected', async () => {
  const back = await postForm('/check/back', hidden({ age_years: 40, body_region: 'knee' }));
  assert.equal(back.statusCode, 200);
  assert.match(back.body, /Where is the noise or pain\?/);
  assert.match(back.body, /<input type="radio" id="answer-9" name="answer" value="knee" checked=""/);
  assert.deepEqual(hiddenFields(back.body, '/check').filter(([k]) => k.startsWith('a.')), [['a.age_years', '40']]);
  const first = await postForm('/check/back', hidden({ age_years: 40 }));
  assert.match(first.body, /value="40"/);
  assert.match(first.body, /<a class="back" href="\/">/);
  const none = await postForm('/check/back', []);
  assert.equal(none.statusCode, 303);
});

test('Change from check your answers: the question comes back filled in, and Back returns to the answers', async () => {
  const { answers } = answerUntil(seeded().content, PEOPLE.routine);
  const page = await postForm('/check/answers', hidden(answers));
  assert.match(page.body, /<h1>Check your answers<\/h1>/);
  assert.match(page.body, /name="change" value="region"/);
  const change = await postForm('/check/change', [...hidden(answers), ['change', 'region']]);
  assert.match(change.body, /value="knee" checked=""/);
  assert.match(change.body, /action="\/check\/answers"/);
  assert.ok(!hiddenFields(change.body, '/check').some(([k]) => k === 'a.body_region'));
  const same = await postForm('/check', [...hiddenFields(change.body, '/check'), ['answer', 'knee']]);
  assert.match(same.body, /<h1>Check your answers<\/h1>/);
});

test('out of scope under 16; changed hidden answers are refused with a plain page; GETs of post-only addresses start again', async () => {
  const young = await postForm('/check', [['q', 'age'], ['answer', '12']]);
  assert.equal(young.statusCode, 200);
  assert.match(young.body, /aged 16 and over/);
  const bad = await postForm('/check/result', [['a.age_years', 'old']]);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Sorry, there is a problem/);
  assert.doesNotMatch(bad.body, /Error:|\n\s+at |\.ts:\d/);
  const json = await app.inject({ method: 'POST', url: '/check', headers: { 'content-type': 'application/json' }, payload: '{}' });
  assert.equal(json.statusCode, 415);
  assert.match(json.body, /Sorry, there is a problem/);
  const big = await postForm('/check', [['q', 'age'], ['answer', 'x'.repeat(40_000)]]);
  assert.equal(big.statusCode, 413);
  for (const url of ['/check/result', '/check/back', '/check/change', '/check/answers']) {
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/check');
  }
});

test('a saved result opens again, and says whether the check has changed', async () => {
  const { answers } = answerUntil(seeded().content, PEOPLE.routine);
  const same = await postForm('/check/saved', [...hidden(answers), ['saved', seeded().content.version]]);
  assert.match(same.body, /class="card card-routine"/);
  assert.match(same.body, /has not changed/);
  const older = await postForm('/check/saved', [...hidden({ ...answers, retired_finding: true }), ['saved', 'old123']]);
  assert.match(older.body, /class="card card-routine"/);
  assert.match(older.body, /has been updated since you saved this result \(it used version old123/);
  assert.match(older.body, /no longer used/);
  const empty = await postForm('/check/saved', [['saved', 'x']]);
  assert.equal(empty.statusCode, 400);
  const landing = await app.inject({ url: '/check/saved' });
  assert.match(landing.body, /needs JavaScript/);
});

test('check pages are never stored by caches; the logs never hold answers', async () => {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk: Buffer, _enc, cb) { lines.push(chunk.toString()); cb(); } });
  const logged = testApp({ logger: true, logStream: stream });
  try {
    const { answers } = answerUntil(seeded().content, PEOPLE.emergency);
    const res = await logged.inject({ method: 'POST', url: '/check/result', headers: FORM, payload: formEncode(hidden(answers)) });
    assert.equal(res.headers['cache-control'], 'no-store');
    await logged.inject({ method: 'POST', url: '/check', headers: FORM, payload: 'q=age&answer=forty-four' });
    const log = lines.join('');
    assert.match(log, /"url":"\/check\/result"/);
    assert.doesNotMatch(log, /bladder|saddle|age_years|forty-four|remoteAddress|127\.0\.0\.1/);
  } finally {
    await logged.close();
  }
});
