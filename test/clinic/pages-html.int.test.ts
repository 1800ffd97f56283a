// Every clinic page, in its plain and its error states, is valid HTML (the same html-validate rules as the web pages).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { HTML_RULES } from '../../src/web/html-rules.js';
import { completeAnswers } from './helpers/answers.js';
import { addStaff, Client, content, hiddenFields, startHarness, type Harness } from './helpers/harness.js';
import { HOSTILE } from './helpers/outcome-fixture.js';
import { resultToken, sendResult } from './helpers/send-helper.js';
import { issueSetupLink } from '../../src/clinic/setup.js';

const c = content();
const URGENT = completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true });
const EMERGENCY = completeAnswers(c, { age_years: 40, body_region: 'lower_back', main_concern: 'pain_only', bladder_change: true });

describe('clinic pages are valid HTML', () => {
  const validator = new HtmlValidate(HTML_RULES);
  let h: Harness;
  const pages: { name: string; status: number; body: string; expect: number }[] = [];

  before(async () => {
    h = await startHarness();
    const setup = await issueSetupLink(h.clinic.ctx.store, '');
    const anon = new Client(h.app);
    const res = (r: { statusCode: number; body: string }) => ({ status: r.statusCode, body: r.body });
    if (setup !== undefined) pages.push({ name: 'setup', ...res(await anon.get(setup.url)), expect: 200 });
    await addStaff(h, 'admin@example.com', 'admin', 'Ada Admin');
    const person = new Client(h.app);
    const start = await person.get(`/send/start?s=${await resultToken(person, URGENT.answers)}`);
    const emergencyStart = await person.get(`/send/start?s=${await resultToken(person, EMERGENCY.answers)}`);
    const errors = await person.post('/send', { ...hiddenFields(start.body), name: HOSTILE.html, email: 'bad' });
    const reference = await sendResult(person, URGENT.answers, { name: HOSTILE.html, message: HOSTILE.html, email: '<b>x</b>@evil.example' });
    const sent = await person.post('/send', { ...hiddenFields(emergencyStart.body), consent: 'yes', name: 'E', phone: '07700 900982', best_time: 'any' });
    const done = await person.get(sent.headers.location as string);
    const repost = await person.post('/send', { ...hiddenFields(emergencyStart.body), consent: 'yes', name: 'E', phone: '07700 900111', best_time: 'any' });
    const controlChar = await person.post('/send', { ...hiddenFields(start.body), consent: 'yes', name: 'Nul\u0000Name', phone: '07700 900982', best_time: 'any' });
    const admin = new Client(h.app);
    await admin.login('admin@example.com');
    let csrf = await admin.csrfFrom(`/clinic/submissions/${reference}`);
    await admin.post(`/clinic/submissions/${reference}/status`, { _csrf: csrf, to: 'in_progress', note: HOSTILE.html });
    await admin.post(`/clinic/submissions/${reference}/feedback`, { _csrf: csrf, verdict: 'less_urgent', comment: HOSTILE.html });
    csrf = await admin.csrfFrom('/clinic/users');
    const users = await admin.post('/clinic/users', { _csrf: csrf, name: 'Cleo', email: 'cleo@example.com', role: 'clinician' });
    const usersBad = await admin.post('/clinic/users', { _csrf: csrf, name: '', email: 'x', role: '' });
    const link = /(\/clinic\/password\/[A-Za-z0-9_-]+)/.exec(users.body)?.[1] ?? '';
    csrf = await admin.csrfFrom('/clinic/integrations');
    const apiKey = await admin.post('/clinic/integrations/clients', { _csrf: csrf, name: HOSTILE.html });
    const hookBad = await admin.post('/clinic/integrations/webhooks', { _csrf: csrf, url: 'http://example.org/<b>' });
    const hook = await admin.post('/clinic/integrations/webhooks', { _csrf: csrf, url: 'http://127.0.0.1:9/hook' });
    await sendResult(person, URGENT.answers, { name: 'Webhook Person' });
    csrf = await admin.csrfFrom('/clinic/account');
    const totp = await admin.post('/clinic/account/totp/start', { _csrf: csrf });
    pages.push(
      { name: 'send form', ...res(start), expect: 200 },
      { name: 'send form, emergency', ...res(emergencyStart), expect: 200 },
      { name: 'send form with errors', ...res(errors), expect: 400 },
      { name: 'confirmation, emergency', ...res(done), expect: 200 },
      { name: 'already sent, with other details', ...res(repost), expect: 409 },
      { name: 'send form, hidden character refused', ...res(controlChar), expect: 400 },
      { name: 'login', ...res(await anon.get('/clinic/login')), expect: 200 },
      { name: 'password link', ...res(await anon.get(link)), expect: 200 },
      { name: 'inbox', ...res(await admin.get('/clinic')), expect: 200 },
      { name: 'inbox with filter errors', ...res(await admin.get('/clinic?level=x')), expect: 400 },
      { name: 'detail', ...res(await admin.get(`/clinic/submissions/${reference}?done=status`)), expect: 200 },
      { name: 'safety', ...res(await admin.get('/clinic/safety')), expect: 200 },
      { name: 'users with a link', ...res(users), expect: 200 },
      { name: 'users with errors', ...res(usersBad), expect: 400 },
      { name: 'audit', ...res(await admin.get('/clinic/audit')), expect: 200 },
      { name: 'retention', ...res(await admin.get('/clinic/retention')), expect: 200 },
      { name: 'account, TOTP set-up', ...res(totp), expect: 200 },
      { name: 'integrations with a new API key', ...res(apiKey), expect: 200 },
      { name: 'integrations with errors', ...res(hookBad), expect: 400 },
      { name: 'integrations with a new webhook secret', ...res(hook), expect: 200 },
      { name: 'integrations with the delivery log', ...res(await admin.get('/clinic/integrations')), expect: 200 },
    );
    const wrong = new Client(h.app);
    const t = await wrong.csrfFrom('/clinic/login');
    pages.push({ name: 'login with errors', ...res(await wrong.post('/clinic/login', { _csrf: t, email: 'a@b.cd', password: 'nope' })), expect: 400 });
  });
  after(async () => h.close());

  it('renders every page with its status and no HTML errors', async () => {
    assert.ok(pages.length >= 17);
    for (const p of pages) {
      assert.equal(p.status, p.expect, p.name);
      const report = await validator.validateString(p.body);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
      assert.deepEqual(messages, [], p.name);
      assert.ok(!p.body.includes('<script>alert'), `${p.name}: escaped`);
    }
  });
});
