// HTTP tests for the check: the flow for each level, validation, Back, Change, saved results, and the sealed addresses.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { LEVELS } from '../../engine/types.js';
import { answersToFields } from '../answer-fields.js';
import { answerUntil, PEOPLE } from '../examples.js';
import { follow, formEncode, hiddenFields, questionOnPage, seeded, stateUrl, testApp, testStates, TEST_KEYS, walkCheck } from '../../server/test-support.js';
import { CheckStates, shownQuestion } from '../check/check-state.js';
import { randomKey } from '../state/seal.js';

const app = testApp();
after(() => app.close());
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const postForm = (url: string, fields: readonly (readonly [string, string])[]) => app.inject({ method: 'POST', url, headers: FORM, payload: formEncode(fields) });
const hidden = (answers: Record<string, unknown>) => answersToFields(answers as never).map((f) => [f.name, f.value] as const);
const get = (url: string) => app.inject({ url });

/** Posts an answer on the page whose state is `token` (none: the first page) and follows the redirect. */
async function answer(token: string | undefined, fields: readonly (readonly [string, string])[]) {
  const posted = await postForm('/check', [...(token === undefined ? [] : [['s', token] as const]), ...fields]);
  assert.equal(posted.statusCode, 303, posted.body.slice(0, 300));
  assert.equal(posted.headers['cache-control'], 'no-store');
  return { location: String(posted.headers.location), page: await get(String(posted.headers.location)) };
}

test('the first question page: heading, emergency line, tel links, no cookies, strict headers', async () => {
  const res = await app.inject({ url: '/check', headers: { 'accept-encoding': 'br' } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-encoding'], 'br');
  const plain = await app.inject({ url: '/check' });
  assert.match(plain.body, /<h1><label for="answer">How old are you\?<\/label><\/h1>/);
  assert.match(plain.body, /id="emergency"[^]*<a href="tel:999">999<\/a>/);
  assert.match(plain.body, /<a class="back" href="\/">Back<\/a>/);
  assert.match(plain.body, /<a class="skip" href="#question">Skip to the question<\/a>/);
  assert.match(plain.body, /<form method="post" action="\/check" novalidate="" id="question">/);
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
    assert.match(walk.html, /href="\/send\/start\?s=[A-Za-z0-9_-]+"/);
    assert.match(walk.html, /\/check\/saved#v=/);
    // Every page of the check is a GET that gives the same page again: a refresh, Back or a bookmark works.
    for (const url of walk.urls) {
      const again = await get(url);
      assert.ok(again.statusCode === 200 || again.statusCode === 303, `${url}: ${String(again.statusCode)}`);
      assert.equal(again.headers['cache-control'], url === '/check' ? 'no-cache' : 'no-store');
    }
    assert.equal((await get(walk.urls.at(-1) ?? '')).body, walk.html);
  });
}

test('no answer can be read in an address: each holds only a sealed token, and no page posts answers as fields', async () => {
  const walk = await walkCheck(app, PEOPLE.routine);
  const { answers } = answerUntil(seeded().content, PEOPLE.routine);
  const words = [...Object.keys(answers), ...Object.values(answers).map(String).filter((v) => v.length > 3), 'knee'];
  const addresses = [...walk.urls, ...[...walk.html.matchAll(/(?:href|action)="([^"]*)"/g)].map((m) => (m[1] ?? '').split('#')[0] ?? '')];
  for (const url of addresses) {
    const query = url.split('?')[1] ?? '';
    for (const [key, value] of new URLSearchParams(query)) {
      assert.ok(key === 's' || key === 'n', url);
      const decoded = Buffer.from(value, 'base64url').toString('latin1');
      for (const w of words) assert.ok(!decoded.includes(w) && !value.includes(w), `${w} in ${url}`);
    }
  }
  assert.doesNotMatch(walk.html, /name="a\./);
  for (const m of walk.html.matchAll(/<form [^>]*>/g)) assert.match(m[0], /method="post"/);
});

test('a wrong answer redirects to the same question with its error (400), keeping what was typed, with Back', async () => {
  const typed = await answer(undefined, [['answer', 'forty']]);
  assert.match(typed.location, /^\/check\/q\?s=/);
  assert.equal(typed.page.statusCode, 400);
  assert.match(typed.page.body, /<title>Error: How old are you\?/);
  assert.match(typed.page.body, /<div class="errs" role="alert"[^>]*>[^]*<a href="#answer">Enter your age in whole years, like 45<\/a>/);
  assert.match(typed.page.body, /<input class="num num-err" id="answer" name="answer"[^>]*value="forty"/);
  assert.match((await answer(undefined, [['answer', '130']])).page.body, /Enter an age from 0 to 120/);
  assert.match((await answer(undefined, [['answer', '']])).page.body, /Enter your age/);
  const region = await answer(testStates().seal({ answers: { age_years: 40 }, question: { id: 'region' } }, new Date()), []);
  assert.equal(region.page.statusCode, 400);
  assert.match(region.page.body, /Select where the noise or pain is/);
  assert.match(region.page.body, /<a class="back" href="\/check\/back\?s=/);
  const fixed = await answer(questionOnPage(region.page.body).token, [['answer', 'knee']]);
  assert.equal(fixed.page.statusCode, 200);
  assert.doesNotMatch(fixed.page.body, /class="errs"/);
});

test('a multi question: None of these cannot be ticked with another option; a red flag goes straight to the result', async () => {
  const { answers, stoppedAt } = answerUntil(seeded().content, PEOPLE.emergency, (q) => q.findings.includes('bladder_change'));
  assert.ok(stoppedAt);
  const token = testStates().seal({ answers, question: shownQuestion(stoppedAt) }, new Date());
  const both = await answer(token, [['answer', 'none'], ['answer', 'bladder_change']]);
  assert.equal(both.page.statusCode, 400);
  assert.match(both.page.body, /on its own/);
  const flag = await answer(token, [['answer', 'bladder_change']]);
  assert.match(flag.location, /^\/check\/result\?s=/);
  assert.match(flag.page.body, /class="card card-emergency"/);
  const notShown = await answer(token, [['answer', 'joint_swollen']]);
  assert.equal(notShown.page.statusCode, 400, 'an option that was not shown cannot be answered');
});

test('a duration can be given in days, weeks or months', async () => {
  const { answers, stoppedAt } = answerUntil(seeded().content, { age_years: 40, body_region: 'lower_back', main_concern: 'pain_only', pain_score: 3 }, (q) => q.id === 'duration');
  assert.ok(stoppedAt);
  const token = testStates().seal({ answers, question: shownQuestion(stoppedAt) }, new Date());
  const opened = async (fields: [string, string][]) => {
    const { location } = await answer(token, fields);
    const state = testStates().open(new URLSearchParams(location.split('?')[1]).get('s'), new Date());
    assert.ok(state.ok);
    return state.state;
  };
  assert.equal((await opened([['answer', '3'], ['unit', 'months']])).answers.duration_weeks, 13.045);
  const badUnit = await opened([['answer', '3'], ['unit', 'years']]);
  assert.deepEqual(badUnit.typed, { answer: ['3'], unit: 'years', unsure: false });
  assert.match((await get(stateUrl('q', badUnit))).body, /Select days, weeks or months/);
  assert.equal((await opened([['answer', ''], ['unsure', 'yes']])).answers.duration_weeks, 'unknown');
});

test('Back shows the previous question with its answer selected, as its own address', async () => {
  const back = await follow(app, await get(stateUrl('back', { answers: { age_years: 40, body_region: 'knee' } })));
  assert.equal(back.statusCode, 200);
  assert.match(back.body, /Where is the noise or pain\?/);
  assert.match(back.body, /<input type="radio" id="answer-9" name="answer" value="knee" checked=""/);
  const state = testStates().open(questionOnPage(back.body).token, new Date());
  assert.ok(state.ok);
  assert.deepEqual(state.state.answers, { age_years: 40 });
  const first = await follow(app, await get(stateUrl('back', { answers: { age_years: 40 } })));
  assert.match(first.body, /value="40"/);
  assert.match(first.body, /<a class="back" href="\/">/);
  const none = await get(stateUrl('back', { answers: {} }));
  assert.equal(none.statusCode, 303);
  assert.equal(none.headers.location, '/check');
});

test('Change from check your answers: the question comes back filled in, and Back and Continue return to the answers', async () => {
  const { answers } = answerUntil(seeded().content, PEOPLE.routine);
  const page = await get(stateUrl('answers', { answers }));
  assert.match(page.body, /<h1>Check your answers<\/h1>/);
  const links = [...page.body.matchAll(/<a href="(\/check\/change\?s=[^"]+)">Change<span class="visually-hidden"> your answer to: ([^<]+)</g)];
  const region = links.find((m) => m[2] === 'Where is the noise or pain?')?.[1]?.replace(/&amp;/g, '&');
  assert.ok(region);
  const change = await follow(app, await get(region));
  assert.match(change.body, /value="knee" checked=""/);
  assert.match(change.body, /<a class="back" href="\/check\/answers\?s=/);
  const backTo = /<a class="back" href="([^"]+)"/.exec(change.body)?.[1] ?? '';
  assert.match((await get(backTo)).body, /<h1>Check your answers<\/h1>/);
  const same = await answer(questionOnPage(change.body).token, [['answer', 'knee']]);
  assert.match(same.location, /^\/check\/answers\?s=/);
  assert.match(same.page.body, /<h1>Check your answers<\/h1>/);
  const outOfRange = await get(`${/\/check\/change\?s=[^&]+/.exec(region)?.[0] ?? ''}&n=99`);
  assert.equal(outOfRange.statusCode, 303);
});

test('out of scope under 16; broken, expired and outdated addresses get a plain page to start again, never a 500', async () => {
  const young = await answer(undefined, [['answer', '12']]);
  assert.match(young.page.body, /aged 16 and over/);
  const url = stateUrl('result', { answers: answerUntil(seeded().content, PEOPLE.routine).answers });
  const token = url.split('s=')[1] ?? '';
  for (const bad of [`/check/result?s=${token.slice(0, -4)}`, `/check/result?s=${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`, '/check/result', '/check/answers?s=abc', '/check/back?s[]=1', '/check/change?s=&n=1']) {
    const res = await get(bad);
    assert.equal(res.statusCode, 400, bad);
    assert.match(res.body, /<h1>We cannot open this page<\/h1>/);
    assert.match(res.body, /<a class="btn" href="\/check">Start the check again<\/a>/);
    assert.equal(res.headers['cache-control'], 'no-store');
  }
  const hidden = await get('/check/q?s=%00');
  assert.equal(hidden.statusCode, 400, 'a control character in the address is refused before the page is read');
  assert.match(hidden.body, /<a href="\/check">Start the check again<\/a>/);
  const posted = await postForm('/check', [['s', token.slice(0, -4)], ['answer', '4']]);
  assert.equal(posted.statusCode, 400);
  const resultPosted = await postForm('/check', [['s', token], ['answer', '4']]);
  assert.equal(resultPosted.statusCode, 400, 'a result\'s token holds no question to answer');
  assert.match(resultPosted.body, /We cannot open this page/);
  const later = testApp({ now: () => new Date(Date.now() + 13 * 3600_000) });
  try {
    const expired = await later.inject({ url });
    assert.equal(expired.statusCode, 410);
    assert.match(expired.body, /<h1>This page has expired<\/h1>/);
    assert.match(expired.body, /stop working 12 hours after/);
  } finally {
    await later.close();
  }
  const rotated = testApp({ stateKeys: [randomKey(2)] });
  try {
    assert.equal((await rotated.inject({ url })).statusCode, 410, 'a retired key: expired');
  } finally {
    await rotated.close();
  }
  const older = new CheckStates(TEST_KEYS, 'an-older-version').seal({ answers: { age_years: 40 } }, new Date());
  const outdated = await get(`/check/result?s=${older}`);
  assert.equal(outdated.statusCode, 410);
  assert.match(outdated.body, /<h1>The check has been updated<\/h1>/);
  const json = await app.inject({ method: 'POST', url: '/check', headers: { 'content-type': 'application/json' }, payload: '{}' });
  assert.equal(json.statusCode, 415);
  assert.match(json.body, /Sorry, there is a problem/);
  const big = await postForm('/check', [['answer', 'x'.repeat(40_000)]]);
  assert.equal(big.statusCode, 413);
});

test('a saved result opens again at its own address, and says whether the check has changed', async () => {
  const { answers } = answerUntil(seeded().content, PEOPLE.routine);
  const same = await postForm('/check/saved', [...hidden(answers), ['saved', seeded().content.version]]);
  assert.equal(same.statusCode, 303);
  assert.match(String(same.headers.location), /^\/check\/result\?s=/);
  const shown = await follow(app, same);
  assert.match(shown.body, /class="card card-routine"/);
  assert.match(shown.body, /has not changed/);
  const older = await follow(app, await postForm('/check/saved', [...hidden({ ...answers, retired_finding: true }), ['saved', 'old123']]));
  assert.match(older.body, /class="card card-routine"/);
  assert.match(older.body, /has been updated since you saved this result \(it used version old123/);
  assert.match(older.body, /no longer used/);
  const empty = await postForm('/check/saved', [['saved', 'x']]);
  assert.equal(empty.statusCode, 400);
  const landing = await get('/check/saved');
  assert.match(landing.body, /needs JavaScript/);
});

test('a saved result the updated check needs more answers for says why on the question it asks next', async () => {
  // Saved before the check asked about the pain score: the answers stop short, so the check asks on.
  const { answers } = answerUntil(seeded().content, PEOPLE.routine);
  const short = Object.fromEntries(Object.entries(answers).filter(([f]) => f !== 'pain_score'));
  const page = await follow(app, await postForm('/check/saved', [...hidden(short), ['saved', 'old123']]));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<legend>/, 'a question page');
  assert.match(page.body, /has been updated since you saved this result \(it used version old123/);
});

test('check pages are never stored by caches; the logs hold neither answers nor tokens', async () => {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk: Buffer, _enc, cb) { lines.push(chunk.toString()); cb(); } });
  const logged = testApp({ logger: true, logStream: stream });
  try {
    const { answers } = answerUntil(seeded().content, PEOPLE.emergency);
    const url = stateUrl('result', { answers });
    const res = await logged.inject({ url });
    assert.equal(res.headers['cache-control'], 'no-store');
    const posted = await logged.inject({ method: 'POST', url: '/check', headers: FORM, payload: 'answer=forty-four' });
    assert.equal(posted.headers['cache-control'], 'no-store');
    const log = lines.join('');
    assert.match(log, /"url":"\/check\/result"/);
    assert.doesNotMatch(log, /bladder|saddle|age_years|forty-four|remoteAddress|127\.0\.0\.1/);
    assert.ok(!log.includes(url.split('s=')[1] ?? 'none'), 'no token in the log');
    assert.doesNotMatch(log, /s=/);
  } finally {
    await logged.close();
  }
});

test('the first page posts no state; every other question page posts its own', async () => {
  const first = await get('/check');
  assert.deepEqual(hiddenFields(first.body, '/check'), []);
  const next = await answer(undefined, [['answer', '40']]);
  assert.deepEqual(hiddenFields(next.page.body, '/check').map(([k]) => k), ['s']);
  assert.equal(hiddenFields(next.page.body, '/check')[0]?.[1], next.location.split('s=')[1]);
});

test('the emergency result and the emergency line give deaf people their ways to reach 999', async () => {
  const { answers } = answerUntil(seeded().content, PEOPLE.emergency);
  const result = await get(stateUrl('result', { answers }));
  const card = result.body.slice(result.body.indexOf('class="card card-emergency"'));
  for (const html of [card, (await get('/check')).body.slice((await get('/check')).body.indexOf('id="emergency"'))]) {
    assert.match(html, /<a href="https:\/\/www\.999bsl\.co\.uk\/">999 BSL<\/a>/);
    assert.match(html, /emergencySMS/);
    assert.match(html, /text 999/i);
    assert.match(html, /Relay UK/);
    assert.match(html, /18000/);
  }
  assert.match(card, /text “register” to 999/);
});
