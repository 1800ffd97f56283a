// Sending a result to the clinic: the form, its checks (origin, token, fields, limits) and what gets stored.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { staffContext } from '../../src/db/context.js';
import { completeAnswers } from './helpers/answers.js';
import { testClock } from './helpers/clock.js';
import { Client, content, hiddenFields, startHarness, type Harness } from './helpers/harness.js';
import { HOSTILE } from './helpers/outcome-fixture.js';
import { resultToken } from './helpers/send-helper.js';

const URGENT = completeAnswers(content(), { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true });
const EMERGENCY = completeAnswers(content(), { age_years: 40, body_region: 'lower_back', main_concern: 'pain_only', bladder_change: true });

const GOOD = { consent: 'yes', name: 'Pat Jones', phone: '07700 900982', email: '', best_time: 'morning', message: 'Knee stuck' };

describe('sending a result', () => {
  const clock = testClock('2026-03-02T10:00:00.000Z');
  let h: Harness;
  let client: Client;
  before(async () => {
    h = await startHarness({ now: clock.now, settings: { sendLimit: { max: 30, windowMs: 600_000 } } });
    client = new Client(h.app);
  });
  after(async () => h.close());

  /** The contact form for these answers, opened from the result page's sealed address. */
  async function openForm(answers: Record<string, boolean | number | string>, by = client) {
    return by.get(`/send/start?s=${await resultToken(client, answers)}`);
  }

  async function startForm(answers: Record<string, boolean | number | string>): Promise<Record<string, string>> {
    const res = await openForm(answers);
    assert.equal(res.statusCode, 200, res.body);
    return hiddenFields(res.body);
  }

  /** A sealed state for any answers, complete or not, as the app would make it now. */
  const sealed = (answers: Record<string, boolean | number | string>) => h.clinic.ctx.checkStates.seal({ answers }, clock.now());

  it('shows the contact form with the answers sealed and a signed token, and sets no cookie', async () => {
    const res = await openForm(URGENT.answers);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['set-cookie'], undefined);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(res.body, /<h1>Send your result to Test Physio<\/h1>/);
    assert.match(res.body, /Get help today/);
    const fields = hiddenFields(res.body);
    assert.match(fields._token ?? '', /^v1\./);
    assert.deepEqual(Object.keys(fields).sort(), ['_token', 's'], 'no answer is a readable field');
    const state = h.clinic.ctx.checkStates.open(fields.s, clock.now());
    assert.ok(state.ok);
    assert.equal(state.state.answers.joint_locked_now, true);
  });

  it('tells an emergency to call 999 now before the form, and still lets them send, flagged', async () => {
    const res = await openForm(EMERGENCY.answers);
    assert.equal(res.statusCode, 200);
    const call = res.body.indexOf('id="call-now"');
    assert.ok(call > 0 && call < res.body.indexOf('<form method="post" action="/send"'), 'the 999 message comes before the form');
    assert.match(res.body, /Call <a href="tel:999">999<\/a> now/);
    const sent = await client.post('/send', { ...hiddenFields(res.body), ...GOOD, name: 'Em Ergency' });
    assert.equal(sent.statusCode, 303);
    const done = await client.get(sent.headers.location as string);
    assert.equal(done.statusCode, 200);
    assert.ok(done.body.indexOf('id="call-now"') < done.body.indexOf('<h1>Your result has been sent'));
    const inbox = await h.clinic.ctx.store.submissions.listInbox(staffContext('x', 'admin'), { q: 'Em Ergency' }, { limit: 5, offset: 0 });
    assert.equal(inbox.items[0]?.emergency, true);
    assert.equal(inbox.items[0].level, 'emergency');
  });

  it('refuses answers that are missing, invalid, incomplete or under age, with a 400 page', async () => {
    assert.equal((await client.get(`/send/start?s=${sealed({})}`)).statusCode, 400);
    assert.equal((await client.get(`/send/start?s=${sealed({ age_years: 'old' })}`)).statusCode, 400);
    assert.equal((await client.get(`/send/start?s=${sealed({ age_years: 40 })}`)).statusCode, 400);
    const young = await client.get(`/send/start?s=${sealed({ age_years: 12, body_region: 'knee', main_concern: 'pain_only' })}`);
    assert.equal(young.statusCode, 400);
    assert.match(young.body, /Sorry, there is a problem/);
    const none = await client.get('/send/start');
    assert.equal(none.statusCode, 303);
    assert.equal(none.headers.location, '/check');
  });

  it('refuses an altered or expired sealed state with a plain page to start again, on the form and on sending', async () => {
    const token = await resultToken(client, URGENT.answers);
    const altered = await client.get(`/send/start?s=${token.slice(0, -3)}`);
    assert.equal(altered.statusCode, 400);
    assert.match(altered.body, /We cannot open this page/);
    const fields = await startForm(URGENT.answers);
    assert.equal((await client.post('/send', { ...fields, ...GOOD, s: 'x' })).statusCode, 400);
    clock.advance(13 * 3600_000);
    const expired = await client.get(`/send/start?s=${token}`);
    assert.equal(expired.statusCode, 410);
    assert.match(expired.body, /This page has expired/);
    clock.advance(-13 * 3600_000);
  });

  it('refuses cross-site posts by Sec-Fetch-Site or by Origin', async () => {
    const cross = new Client(h.app, { 'sec-fetch-site': 'cross-site' });
    assert.equal((await openForm(URGENT.answers, cross)).statusCode, 403);
    const fields = await startForm(URGENT.answers);
    assert.equal((await cross.post('/send', { ...fields, ...GOOD })).statusCode, 403);
    const oldBrowser = new Client(h.app, { origin: 'https://evil.example' });
    assert.equal((await oldBrowser.post('/send', { ...fields, ...GOOD })).statusCode, 403);
    const sameOrigin = new Client(h.app, { origin: 'http://localhost:3000' });
    assert.equal((await openForm(URGENT.answers, sameOrigin)).statusCode, 200);
  });

  it('shows every field error in a GOV.UK error summary, keeping what was typed', async () => {
    const fields = await startForm(URGENT.answers);
    const res = await client.post('/send', { ...fields, consent: '', name: '  ', phone: '', email: '', best_time: '', message: HOSTILE.html });
    assert.equal(res.statusCode, 400);
    assert.equal(res.headers['set-cookie'], undefined);
    assert.match(res.body, /<title>Error: /);
    const summary = res.body.slice(res.body.indexOf('class="errs"'), res.body.indexOf('</ul>', res.body.indexOf('class="errs"')));
    for (const anchor of ['#consent', '#name', '#phone', '#best_time']) assert.ok(summary.includes(`href="${anchor}"`), anchor);
    assert.ok(!res.body.includes(HOSTILE.html));
    assert.ok(res.body.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;') || res.body.includes('&lt;script&gt;alert("x")&lt;/script&gt;'));
    const bad = await client.post('/send', { ...fields, ...GOOD, phone: '12', email: 'not-an-email', message: 'x'.repeat(1001) });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Enter a phone number, like/);
    assert.match(bad.body, /Enter an email address in the correct format/);
    assert.match(bad.body, /1,000 characters or fewer/);
    assert.match(bad.body, /value="12"/);
  });

  it('stores a valid send with the answers, the server’s own outcome and the content version, then confirms it', async () => {
    const fields = await startForm(URGENT.answers);
    // A posted outcome or level is ignored: the server re-runs the engine on the answers.
    const res = await client.post('/send', { ...fields, ...GOOD, level: 'self_care', outcome: '{"level":"self_care"}' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers['set-cookie'], undefined);
    const location = res.headers.location as string;
    assert.match(location, /^\/send\/done\?r=CRK-/);
    const done = await client.get(location);
    assert.equal(done.statusCode, 200);
    const reference = /id="reference">([^<]+)</.exec(done.body)?.[1] ?? '';
    assert.match(reference, /^CRK-/);
    assert.match(done.body, /Monday to Friday, 8am to 6pm/);
    assert.match(done.body, /Do not wait for a reply if you need help urgently/);
    assert.match(done.body, /within 4 hours when the clinic is open/);
    const record = await h.clinic.ctx.store.submissions.get(staffContext('x', 'admin'), reference);
    assert.ok(record);
    assert.equal(record.level, 'urgent');
    assert.deepEqual(record.outcome, URGENT.outcome);
    assert.deepEqual(record.answers, URGENT.answers);
    assert.equal(record.contentVersion, content().version);
    assert.equal(record.name, 'Pat Jones');
    assert.equal(record.email, null);
    assert.equal(record.bestTime, 'morning');
    assert.equal(record.dueAt, '2026-03-02T14:00:00.000Z', 'urgent: 4 opening hours from 10:00 on a Monday');
  });

  it('makes one record when the same form is sent twice', async () => {
    const fields = await startForm(URGENT.answers);
    const a = await client.post('/send', { ...fields, ...GOOD, name: 'Twice Sent' });
    const b = await client.post('/send', { ...fields, ...GOOD, name: 'Twice Sent' });
    assert.equal(a.headers.location, b.headers.location);
    const found = await h.clinic.ctx.store.submissions.listInbox(staffContext('x', 'admin'), { q: 'Twice Sent' }, { limit: 5, offset: 0 });
    assert.equal(found.total, 1);
  });

  it('rejects a tampered or expired token, keeping the details to send again', async () => {
    const fields = await startForm(URGENT.answers);
    const tampered = await client.post('/send', { ...fields, ...GOOD, _token: `${fields._token ?? ''}x` });
    assert.equal(tampered.statusCode, 400);
    assert.match(tampered.body, /open for too long/);
    assert.match(tampered.body, /value="Pat Jones"/);
    clock.advance(3 * 3600_000);
    const expired = await client.post('/send', { ...fields, ...GOOD });
    assert.equal(expired.statusCode, 400);
    const again = await client.post('/send', { ...hiddenFields(expired.body), ...GOOD });
    assert.equal(again.statusCode, 303, 'the fresh token on the error page works');
  });

  it('the confirmation of a sent emergency says to call 999 and no longer offers to send below', async () => {
    const sent = await client.post('/send', { ...(await startForm(EMERGENCY.answers)), ...GOOD, name: 'Sent Emergency' });
    assert.equal(sent.statusCode, 303);
    const done = await client.get(sent.headers.location as string);
    assert.match(done.body, /Call <a href="tel:999">999<\/a> now/);
    assert.doesNotMatch(done.body, /below/);
    const form = await openForm(EMERGENCY.answers);
    assert.match(form.body, /You can still send your result to the clinic below/);
  });

  it('the confirmation address does not name the level, and the same send gives the same address', async () => {
    for (const answers of [URGENT.answers, EMERGENCY.answers]) {
      const fields = await startForm(answers);
      const sent = await client.post('/send', { ...fields, ...GOOD, name: 'Level Private' });
      const again = await client.post('/send', { ...fields, ...GOOD, name: 'Level Private' });
      const location = String(sent.headers.location);
      assert.equal(again.headers.location, location);
      for (const level of ['emergency', 'urgent', 'soon', 'routine', 'self_care']) assert.ok(!location.includes(level), `${level} in ${location}`);
      assert.doesNotMatch(location, /[?&]l=/);
      assert.equal((await client.get(location)).statusCode, 200);
    }
  });

  it('lists the errors in the order of the form\'s fields', async () => {
    const fields = await startForm(URGENT.answers);
    const res = await client.post('/send', { ...fields, consent: '', name: '', phone: '12', email: 'bad', best_time: '', message: 'x'.repeat(1001) });
    assert.equal(res.statusCode, 400);
    const form = res.body.slice(res.body.indexOf('<form method="post" action="/send"'));
    const fieldOrder = [...form.matchAll(/<(?:input|textarea)[^>]* (?:id|name)="(name|phone|email|best_time|message|consent)"/g)].map((m) => m[1]);
    const firstOf = [...new Set(fieldOrder)];
    const summary = res.body.slice(res.body.indexOf('class="errs"'), res.body.indexOf('</ul>', res.body.indexOf('class="errs"')));
    const anchors = [...new Set([...summary.matchAll(/href="#([a-z_]+)"/g)].map((m) => m[1]))];
    assert.deepEqual(anchors, firstOf.filter((f) => anchors.includes(f)));
    assert.deepEqual(anchors, ['name', 'phone', 'email', 'best_time', 'message', 'consent']);
  });

  it('refuses a made-up confirmation link', async () => {
    assert.equal((await client.get('/send/done?r=CRK-2222-2222&l=urgent&s=abc')).statusCode, 404);
    assert.equal((await client.get('/send/done')).statusCode, 404);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await client.post('/send', { ...(await startForm(URGENT.answers)), message: 'x'.repeat(40_000) });
    assert.equal(res.statusCode, 413);
  });

  it('limits how often one address can send', async () => {
    const limited = new Client(h.app, { 'sec-fetch-site': 'same-origin', 'x-forwarded-for': '203.0.113.9' });
    const fields = await startForm(URGENT.answers);
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await limited.post('/send', { ...fields, ...GOOD })).statusCode);
    assert.ok(statuses.includes(429), `statuses: ${statuses.join(',')}`);
  });
});
