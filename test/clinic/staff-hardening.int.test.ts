// Staff-side hardening over HTTP: the sign-in redirect, the exact idle timeout, TOTP codes used once, staff pages
// never framed, and one-time link tokens kept out of the server log.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { staffContext } from '../../src/db/context.js';
import { newTotpSecret, totpCode } from '../../src/clinic/auth/totp.js';
import { testClock } from './helpers/clock.js';
import { addStaff, Client, PASSWORD, startHarness, type Harness } from './helpers/harness.js';

describe('staff hardening', () => {
  const clock = testClock('2026-03-02T10:00:00.000Z');
  const log: string[] = [];
  const logStream = new Writable({ write(chunk: Buffer, _enc, done) { log.push(chunk.toString()); done(); } });
  let h: Harness;
  let adminId = '';

  before(async () => {
    h = await startHarness({ now: clock.now, configEnv: { FRAME_ANCESTORS: 'https://www.clinic.example' }, logStream });
    adminId = await addStaff(h, 'admin@example.com', 'admin', 'Ada Admin');
    await addStaff(h, 'clin@example.com', 'clinician', 'Cleo Clinician');
  });
  after(async () => h.close());

  async function signIn(c: Client, next: string, extra: Record<string, string> = {}) {
    const csrf = await c.csrfFrom('/clinic/login');
    return c.post('/clinic/login', { _csrf: csrf, email: 'clin@example.com', password: PASSWORD, next, ...extra });
  }

  it('follows a sign-in next only to a plain same-site clinic path, else goes to the inbox (never a 500)', async () => {
    const kept = ['/clinic/submissions/CRK-2222-2222?done=status', '/clinic/audit?page=2', '/clinic?q=caf%C3%A9'];
    for (const next of kept) assert.equal((await signIn(new Client(h.app), next)).headers.location, next, next);
    const refused = ['/clinic\r\nSet-Cookie: x=y', '/clinic/\u2028x', '/clinic/caf\u00e9', '/clinic?q=\u00e9', '/clinic\tx',
      '//evil.example/clinic', '/clinic/../..//evil.example', '/clinic/%2e%2e/', 'https://evil.example/clinic', '/clinic\\evil'];
    for (const next of refused) {
      const res = await signIn(new Client(h.app), next);
      assert.equal(res.statusCode, 303, JSON.stringify(next));
      assert.equal(res.headers.location, '/clinic', JSON.stringify(next));
    }
    const page = await new Client(h.app).get(`/clinic/login?next=${encodeURIComponent('/clinic/\u2028')}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /name="next" value="\/clinic"/);
  });

  it('keeps an active session to the minute: it ends only after the full idle time since the last request', async () => {
    const c = new Client(h.app);
    await c.login('clin@example.com');
    clock.advance(30_000);
    assert.equal((await c.get('/clinic')).statusCode, 200);
    clock.advance(30 * 60_000 - 10_000);
    assert.equal((await c.get('/clinic')).statusCode, 200, '29 minutes 50 seconds after the last request');
    clock.advance(29 * 60_000);
    assert.equal((await c.get('/clinic')).statusCode, 200);
    clock.advance(30 * 60_000);
    assert.equal((await c.get('/clinic')).statusCode, 303, '30 minutes idle ends it');
  });

  it('accepts each TOTP code once: the same code cannot sign in twice or turn two-step off', async (t) => {
    const secret = newTotpSecret();
    await h.clinic.ctx.store.staff.setTotpSecret(staffContext(adminId, 'admin'), adminId, secret);
    t.after(() => h.clinic.ctx.store.staff.setTotpSecret(staffContext(adminId, 'admin'), adminId, null));
    clock.set('2026-03-03T09:00:05.000Z');
    const step = Math.floor(clock.now().getTime() / 30_000);
    const code = totpCode(secret, step);
    const first = new Client(h.app);
    let csrf = await first.csrfFrom('/clinic/login');
    assert.equal((await first.post('/clinic/login', { _csrf: csrf, email: 'admin@example.com', password: PASSWORD, code, next: '/clinic' })).statusCode, 303);
    const replay = new Client(h.app);
    csrf = await replay.csrfFrom('/clinic/login');
    const again = await replay.post('/clinic/login', { _csrf: csrf, email: 'admin@example.com', password: PASSWORD, code, next: '/clinic' });
    assert.equal(again.statusCode, 400, 'a code already used is refused');
    csrf = await first.csrfFrom('/clinic/account');
    assert.equal((await first.post('/clinic/account/totp/disable', { _csrf: csrf, code })).statusCode, 400, 'nor can it turn two-step off');
    const older = totpCode(secret, step - 1);
    csrf = await replay.csrfFrom('/clinic/login');
    assert.equal((await replay.post('/clinic/login', { _csrf: csrf, email: 'admin@example.com', password: PASSWORD, code: older, next: '/clinic' })).statusCode, 400,
      'a code from before the last one used is refused too');
    clock.advance(30_000);
    csrf = await replay.csrfFrom('/clinic/login');
    assert.equal((await replay.post('/clinic/login', { _csrf: csrf, email: 'admin@example.com', password: PASSWORD, code: totpCode(secret, step + 1), next: '/clinic' })).statusCode, 303);
  });

  it('never lets another site frame a staff page, whatever FRAME_ANCESTORS says; the check may be framed', async () => {
    const anon = new Client(h.app);
    const admin = new Client(h.app);
    await admin.login('admin@example.com');
    const staffPages = [await anon.get('/clinic/login'), await anon.get('/clinic'), await anon.get('/clinic/no-such-page'),
      await admin.get('/clinic'), await admin.get('/clinic/users'), await admin.get('/clinic/audit')];
    for (const res of staffPages) {
      assert.match(res.headers['content-security-policy'] as string, /frame-ancestors 'none'/);
      assert.doesNotMatch(res.headers['content-security-policy'] as string, /clinic\.example/);
      assert.equal(res.headers['x-frame-options'], 'DENY');
    }
    const check = await anon.get('/check');
    assert.match(check.headers['content-security-policy'] as string, /frame-ancestors 'self' https:\/\/www\.clinic\.example/);
  });

  it('keeps one-time link tokens out of the server log', async () => {
    const admin = new Client(h.app);
    await admin.login('admin@example.com');
    const csrf = await admin.csrfFrom('/clinic/users');
    const made = await admin.post(`/clinic/users/${adminId}/reset-link`, { _csrf: csrf });
    const token = /\/clinic\/password\/([A-Za-z0-9_-]+)/.exec(made.body)?.[1] ?? '';
    assert.ok(token.length > 20);
    const anon = new Client(h.app);
    await anon.get(`/clinic/password/${token}`);
    await anon.post(`/clinic/password/${token}`, { _csrf: 'x' });
    await anon.get(`/clinic/setup/${token}x`);
    const text = log.join('');
    assert.ok(text.includes('/clinic/password/'), 'the request is logged');
    assert.ok(!text.includes(token), 'but not its token');
  });
});
