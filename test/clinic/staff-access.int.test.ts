// Every staff route: sign-in needed (redirect or 401), the right role (403), CSRF on every form, throttling, sessions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginThrottlePolicy } from '../../src/clinic/settings.js';
import { completeAnswers } from './helpers/answers.js';
import { testClock } from './helpers/clock.js';
import { addStaff, Client, content, PASSWORD, startHarness, type Harness } from './helpers/harness.js';
import { sendResult } from './helpers/send-helper.js';

const URGENT = completeAnswers(content(), { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true });

/** Every staff route behind the sign-in; `admin` ones need the admin role. :ref and :id are filled in per test. */
const ROUTES: { method: 'GET' | 'POST'; url: string; admin?: boolean }[] = [
  { method: 'GET', url: '/clinic' },
  { method: 'GET', url: '/clinic/submissions/:ref' },
  { method: 'POST', url: '/clinic/submissions/:ref/status' },
  { method: 'POST', url: '/clinic/submissions/:ref/assign' },
  { method: 'POST', url: '/clinic/submissions/:ref/feedback' },
  { method: 'POST', url: '/clinic/submissions/:ref/delete', admin: true },
  { method: 'GET', url: '/clinic/submissions/:ref/fhir.json' },
  { method: 'GET', url: '/clinic/export/bundle.json' },
  { method: 'GET', url: '/clinic/export/inbox.csv' },
  { method: 'GET', url: '/clinic/questionnaire.json' },
  { method: 'GET', url: '/clinic/safety' },
  { method: 'GET', url: '/clinic/safety/report.html' },
  { method: 'GET', url: '/clinic/account' },
  { method: 'POST', url: '/clinic/logout-everywhere' },
  { method: 'POST', url: '/clinic/account/totp/start' },
  { method: 'POST', url: '/clinic/account/totp/confirm' },
  { method: 'POST', url: '/clinic/account/totp/disable' },
  { method: 'GET', url: '/clinic/users', admin: true },
  { method: 'POST', url: '/clinic/users', admin: true },
  { method: 'POST', url: '/clinic/users/:id/reset-link', admin: true },
  { method: 'POST', url: '/clinic/users/:id/disable', admin: true },
  { method: 'POST', url: '/clinic/users/:id/enable', admin: true },
  { method: 'GET', url: '/clinic/audit', admin: true },
  { method: 'GET', url: '/clinic/retention', admin: true },
  { method: 'POST', url: '/clinic/retention/delete', admin: true },
  { method: 'POST', url: '/clinic/retention/purge', admin: true },
  { method: 'GET', url: '/clinic/integrations', admin: true },
  { method: 'POST', url: '/clinic/integrations/clients', admin: true },
  { method: 'POST', url: '/clinic/integrations/clients/:id/revoke', admin: true },
  { method: 'POST', url: '/clinic/integrations/webhooks', admin: true },
  { method: 'POST', url: '/clinic/integrations/webhooks/:id/remove', admin: true },
  { method: 'POST', url: '/clinic/integrations/deliveries/:id/retry', admin: true },
];

describe('staff access', () => {
  const clock = testClock('2026-03-02T10:00:00.000Z');
  let h: Harness;
  let reference = '';
  let clinicianId = '';
  const fill = (url: string) => url.replace(':ref', reference).replace(':id', clinicianId);

  before(async () => {
    h = await startHarness({ now: clock.now, settings: { loginThrottle: loginThrottlePolicy(3, 900_000) } });
    await addStaff(h, 'admin@example.com', 'admin', 'Ada Admin');
    clinicianId = await addStaff(h, 'clin@example.com', 'clinician', 'Cleo Clinician');
    reference = await sendResult(new Client(h.app), URGENT.answers, { name: 'Pat Person' });
  });
  after(async () => h.close());

  it('sends every staff route without a session to sign in (GET: 303 to /clinic/login, POST: 401)', async () => {
    const anon = new Client(h.app);
    for (const r of ROUTES) {
      const res = r.method === 'GET' ? await anon.get(fill(r.url)) : await anon.post(fill(r.url), { _csrf: 'x' });
      if (r.method === 'GET') {
        assert.equal(res.statusCode, 303, `${r.method} ${r.url}`);
        assert.match(res.headers.location as string, /^\/clinic\/login\?next=/);
      } else {
        assert.equal(res.statusCode, 401, `${r.method} ${r.url}`);
      }
      assert.ok(!res.body.includes('Pat Person'), `${r.url} leaks nothing`);
    }
  });

  it('refuses admin routes to a clinician with 403, even with a valid CSRF token', async () => {
    const clin = new Client(h.app);
    await clin.login('clin@example.com');
    const csrf = await clin.csrfFrom('/clinic');
    for (const r of ROUTES.filter((x) => x.admin === true)) {
      const res = r.method === 'GET' ? await clin.get(fill(r.url)) : await clin.post(fill(r.url), { _csrf: csrf, confirm: 'yes', reference });
      assert.equal(res.statusCode, 403, `${r.method} ${r.url}`);
    }
    assert.ok(await h.clinic.ctx.store.submissions.get({ actor: 'staff', userId: clinicianId, role: 'clinician' }, reference), 'nothing was deleted');
  });

  it('lets each role reach its own pages', async () => {
    const admin = new Client(h.app);
    await admin.login('admin@example.com');
    for (const r of ROUTES.filter((x) => x.method === 'GET')) {
      assert.equal((await admin.get(fill(r.url))).statusCode, 200, r.url);
    }
    const clin = new Client(h.app);
    await clin.login('clin@example.com');
    for (const r of ROUTES.filter((x) => x.method === 'GET' && x.admin !== true)) {
      assert.equal((await clin.get(fill(r.url))).statusCode, 200, r.url);
    }
  });

  it('rejects every staff form without a valid CSRF token (403) and changes nothing', async () => {
    const clin = new Client(h.app);
    await clin.login('clin@example.com');
    for (const r of ROUTES.filter((x) => x.method === 'POST' && x.admin !== true)) {
      assert.equal((await clin.post(fill(r.url), { to: 'closed', verdict: 'agree' })).statusCode, 403, `${r.url} without a token`);
      assert.equal((await clin.post(fill(r.url), { _csrf: 'forged', to: 'closed', verdict: 'agree' })).statusCode, 403, `${r.url} with a forged token`);
    }
    const s = await h.clinic.ctx.store.submissions.get({ actor: 'staff', userId: clinicianId, role: 'clinician' }, reference);
    assert.equal(s?.status, 'new');
    assert.equal(s.feedback.length, 0);
    const anon = new Client(h.app);
    assert.equal((await anon.post('/clinic/login', { email: 'clin@example.com', password: PASSWORD })).statusCode, 403, 'the sign-in form too');
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, and never a cookie on the public pages', async () => {
    const c = new Client(h.app);
    const csrf = await c.csrfFrom('/clinic/login');
    const res = await c.post('/clinic/login', { _csrf: csrf, email: 'clin@example.com', password: PASSWORD });
    const cookie = ([res.headers['set-cookie']].flat().find((s) => s?.startsWith('creak_staff=')) ?? '');
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(cookie, /Path=\//);
    const stored = await h.clinic.ctx.store.kysely.selectFrom('staff_session').select('token_hash').execute();
    const token = /creak_staff=([^;]+)/.exec(cookie)?.[1] ?? '';
    assert.ok(stored.length > 0 && stored.every((s) => s.token_hash !== token), 'only a hash of the token is stored');
  });

  it('makes a login wait after repeated failures, counted in the database, even for the right password', async () => {
    const c = new Client(h.app);
    for (let i = 0; i < 3; i++) {
      const csrf = await c.csrfFrom('/clinic/login');
      const res = await c.post('/clinic/login', { _csrf: csrf, email: 'clin@example.com', password: 'wrong password!' });
      assert.equal(res.statusCode, 400);
    }
    const rows = await h.clinic.ctx.store.kysely.selectFrom('login_throttle').selectAll().execute();
    assert.ok(rows.some((r) => r.blocked_until !== null));
    assert.ok(rows.every((r) => !r.key.includes('clin@')), 'keyed hashes only');
    const csrf = await c.csrfFrom('/clinic/login');
    const waiting = await c.post('/clinic/login', { _csrf: csrf, email: 'clin@example.com', password: PASSWORD });
    assert.equal(waiting.statusCode, 429);
    assert.match(waiting.body, /Too many wrong tries\. Wait until/);
    clock.advance(31_000);
    await c.login('clin@example.com');
    const unknown = new Client(h.app);
    for (let i = 0; i < 3; i++) {
      const t = await unknown.csrfFrom('/clinic/login');
      await unknown.post('/clinic/login', { _csrf: t, email: 'nobody@example.com', password: 'whatever it is' });
    }
    const t = await unknown.csrfFrom('/clinic/login');
    assert.match((await unknown.post('/clinic/login', { _csrf: t, email: 'nobody@example.com', password: 'x' })).body, /Too many wrong tries/,
      'unknown accounts wait the same way, so waits do not reveal which accounts exist');
  });

  it('ends a session after the idle timeout', async () => {
    const c = new Client(h.app);
    await c.login('clin@example.com');
    assert.equal((await c.get('/clinic')).statusCode, 200);
    clock.advance(31 * 60_000);
    assert.equal((await c.get('/clinic')).statusCode, 303);
  });

  it('signs out one session, or every session at once', async () => {
    const a = new Client(h.app);
    const b = new Client(h.app);
    await a.login('clin@example.com');
    await b.login('clin@example.com');
    const csrf = await a.csrfFrom('/clinic/account');
    assert.equal((await a.post('/clinic/logout-everywhere', { _csrf: csrf })).statusCode, 303);
    assert.equal((await a.get('/clinic')).statusCode, 303);
    assert.equal((await b.get('/clinic')).statusCode, 303, 'the other device is signed out too');
    await a.login('clin@example.com');
    const t = await a.csrfFrom('/clinic');
    assert.equal((await a.post('/clinic/logout', { _csrf: t })).statusCode, 303);
    assert.equal((await a.get('/clinic')).statusCode, 303);
  });

  it('admin-issued reset links work once, expire, and a disabled account cannot sign in', async () => {
    const admin = new Client(h.app);
    await admin.login('admin@example.com');
    let csrf = await admin.csrfFrom('/clinic/users');
    const made = await admin.post(`/clinic/users/${clinicianId}/reset-link`, { _csrf: csrf });
    const link = /(\/clinic\/password\/[A-Za-z0-9_-]+)/.exec(made.body)?.[1] ?? '';
    assert.ok(link !== '');
    const user = new Client(h.app);
    const form = await user.csrfFrom(link);
    const short = await user.post(link, { _csrf: form, password: 'short', confirm: 'short' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /at least 12 characters/);
    const newPassword = 'a brand new long password';
    assert.equal((await user.post(link, { _csrf: form, password: newPassword, confirm: newPassword })).statusCode, 303);
    assert.equal((await user.get(link)).statusCode, 404, 'single use');
    await user.login('clin@example.com', newPassword);
    csrf = await admin.csrfFrom('/clinic/users');
    const second = await admin.post(`/clinic/users/${clinicianId}/reset-link`, { _csrf: csrf });
    const expiring = /(\/clinic\/password\/[A-Za-z0-9_-]+)/.exec(second.body)?.[1] ?? '';
    clock.advance(25 * 3600_000);
    assert.equal((await user.get(expiring)).statusCode, 404, 'expired after a day');
    await admin.login('admin@example.com');
    csrf = await admin.csrfFrom('/clinic/users');
    assert.equal((await admin.post(`/clinic/users/${clinicianId}/disable`, { _csrf: csrf })).statusCode, 303);
    const t = await user.csrfFrom('/clinic/login');
    assert.equal((await user.post('/clinic/login', { _csrf: t, email: 'clin@example.com', password: newPassword })).statusCode, 400);
    csrf = await admin.csrfFrom('/clinic/users');
    await admin.post(`/clinic/users/${clinicianId}/enable`, { _csrf: csrf });
  });

  it('keeps the sign-in redirect inside the clinic', async () => {
    const c = new Client(h.app);
    const csrf = await c.csrfFrom('/clinic/login?next=//evil.example');
    const res = await c.post('/clinic/login', { _csrf: csrf, email: 'admin@example.com', password: PASSWORD, next: 'https://evil.example/' });
    assert.equal(res.headers.location, '/clinic');
  });
});

describe('staff access behind HTTPS', () => {
  it('uses __Host- cookies marked Secure', async () => {
    const h = await startHarness({ baseUrl: 'https://clinic.example' });
    try {
      await addStaff(h, 'admin@example.com', 'admin');
      const c = new Client(h.app);
      const csrf = await c.csrfFrom('/clinic/login');
      const res = await c.post('/clinic/login', { _csrf: csrf, email: 'admin@example.com', password: PASSWORD });
      const cookies = [res.headers['set-cookie']].flat().filter((s): s is string => s !== undefined);
      const session = cookies.find((s) => s.startsWith('__Host-creak_staff=')) ?? '';
      assert.match(session, /Secure/);
      assert.match(session, /HttpOnly/);
      assert.ok(!/Domain=/i.test(session));
    } finally {
      await h.close();
    }
  });
});
