// Hardening checks over HTTP that depend on the database engine, run on SQLite and on PostgreSQL: a re-posted send
// form, control characters in every kind of text input, who-did-what-to-whom in the audit log, and sign-in throttling.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { sql } from 'kysely';
import { staffContext } from '../../src/db/context.js';
import type { OpenDatabaseOptions } from '../../src/db/database.js';
import { hasControlCharacter, withoutControlCharacters } from '../../src/server/control-chars.js';
import { completeAnswers } from './helpers/answers.js';
import { testClock } from './helpers/clock.js';
import { addStaff, Client, content, hiddenFields, startHarness, type Harness } from './helpers/harness.js';

/** The cookies a client holds, by name (to copy a device's cookies into a new client). */
function ownerCookies(c: Client): Record<string, string> {
  return c.cookieValues();
}
import { sendForm, sendResult } from './helpers/send-helper.js';

const c = content();
const URGENT = completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true });
const SELF = completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_only' });
const GOOD = { consent: 'yes', name: 'Pat Jones', phone: '07700 900982', email: '', best_time: 'morning', message: 'Knee stuck' };

export interface SuiteBackend {
  name: string;
  skip: () => Promise<string | false>;
  database?: () => { options: Partial<OpenDatabaseOptions>; cleanup: () => Promise<void> };
}

export function hardeningSuite(backend: SuiteBackend): void {
  describe(`hardening on ${backend.name}`, async () => {
    const skipReason = await backend.skip();
    const opts = { skip: skipReason };
    const db = skipReason === false ? backend.database?.() : undefined;
    const clock = testClock('2026-03-02T10:00:00.000Z');
    let h: Harness;
    let person: Client;
    let admin: Client;
    let clin: Client;
    let reference = '';
    const mails: { to: string[]; body: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (d: Buffer) => chunks.push(d));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), body: Buffer.concat(chunks).toString('utf8').replace(/=\r?\n/g, '') });
          callback();
        });
      },
    });

    before(async () => {
      if (skipReason !== false) return;
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      const smtpPort = (smtp.server.address() as AddressInfo).port;
      h = await startHarness({
        now: clock.now, env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), CLINIC_NOTIFY_EMAIL: 'inbox@clinic.example' },
        settings: {
          sessionIdleMs: 72 * 3600_000, sessionAbsoluteMs: 96 * 3600_000, sendLimit: { max: 1000, windowMs: 60_000 },
          loginLimit: { max: 1000, windowMs: 60_000 },
        },
        ...(db === undefined ? {} : { database: db.options }),
      });
      await addStaff(h, 'admin@example.com', 'admin', 'Ada Admin');
      await addStaff(h, 'clin@example.com', 'clinician', 'Cleo Clinician');
      person = new Client(h.app);
      reference = await sendResult(person, URGENT.answers, { name: 'Ursula Urgent' });
      admin = new Client(h.app);
      await admin.login('admin@example.com');
      clin = new Client(h.app);
      await clin.login('clin@example.com');
    });
    after(async () => {
      if (skipReason !== false) return;
      await h.close();
      await new Promise<void>((resolve) => { smtp.close(() => { resolve(); }); });
      await db?.cleanup();
    });

    const count = async (name: string) =>
      (await h.clinic.ctx.store.submissions.listInbox(staffContext('t', 'admin'), { q: name, status: 'all' }, { limit: 10, offset: 0 })).total;

    describe('a send form posted again with the same token', () => {
      it('confirms exactly what was stored when the same details come again (a double click)', opts, async () => {
        const fields = await sendForm(person, URGENT.answers);
        const first = await person.post('/send', { ...fields, ...GOOD, name: 'Dee Double' });
        const second = await person.post('/send', { ...fields, ...GOOD, name: 'Dee Double' });
        assert.equal(first.statusCode, 303);
        assert.equal(second.headers.location, first.headers.location);
        assert.equal(await count('Dee Double'), 1);
      });

      it('refuses different answers or details with a clear page, never confirming what was not kept', opts, async () => {
        const fields = await sendForm(person, URGENT.answers);
        const first = await person.post('/send', { ...fields, ...GOOD, name: 'Rae Repost', phone: '07700 900111' });
        assert.equal(first.statusCode, 303);
        const firstReference = /r=(CRK-[A-Z0-9-]+)/.exec(first.headers.location as string)?.[1] ?? '';
        // The same token, with other answers (a lower level) and another phone number.
        const changed = { ...fields, s: (await sendForm(person, SELF.answers)).s ?? '', ...GOOD, name: 'Rae Repost', phone: '07700 900222' };
        const again = await person.post('/send', changed);
        assert.equal(again.statusCode, 409, again.body.slice(0, 300));
        assert.equal(again.headers.location, undefined, 'no confirmation');
        assert.match(again.body, /already sent/);
        assert.match(again.body, /not sent/);
        assert.ok(again.body.includes(firstReference), 'it says which reference the clinic has');
        assert.doesNotMatch(again.body, /Your result has been sent/);
        const kept = await h.clinic.ctx.store.submissions.get(staffContext('t', 'admin'), firstReference);
        assert.equal(kept?.phone, '+447700900111', 'the clinic keeps the first (stored in E.164)');
        assert.equal(kept.level, 'urgent');
        assert.equal(await count('Rae Repost'), 1);
        const onlyPhone = await person.post('/send', { ...fields, ...GOOD, name: 'Rae Repost', phone: '07700 900333' });
        assert.equal(onlyPhone.statusCode, 409, 'a changed phone number alone is refused too');
      });
    });

    describe('control characters', () => {
      const NUL = '\u0000';
      const HIDDEN = /hidden character/;

      it('on the send form: a 400 on the field, the typed text kept without it, nothing stored, never a 500', opts, async () => {
        for (const [field, value] of [['name', `Nul${NUL}Name`], ['email', `nul${NUL}@example.com`], ['message', `bad${NUL}msg`], ['name', 'Tab\tName'], ['message', 'Esc\u001bape']] as const) {
          const res = await person.post('/send', { ...(await sendForm(person, URGENT.answers)), ...GOOD, name: 'Cora Control', [field]: value });
          assert.equal(res.statusCode, 400, `${field}: ${res.body.slice(0, 200)}`);
          assert.match(res.body, new RegExp(`href="#${field}"`), `${field}: the error names the field`);
          assert.match(res.body, HIDDEN);
          assert.ok(!res.body.includes(NUL), 'the control character is not shown back');
          const again = await person.post('/send', { ...hiddenFields(res.body), ...GOOD, name: 'Cora Control', [field]: withoutControlCharacters(value) });
          assert.equal(again.statusCode, 303, 'sending again without it works');
        }
        assert.equal(await count('Cora Control'), 3);
        assert.equal(await count('NulName'), 1, 'sent again without the character');
        assert.equal(await count('TabName'), 1);
        const names = await h.clinic.ctx.store.kysely.selectFrom('submission').select(['name', 'email', 'message']).execute();
        assert.ok(names.every((r) => !hasControlCharacter(`${r.name}${r.email ?? ''}${r.message ?? ''}`, true)), 'no control character was stored');
      });

      it('allows ordinary new lines and tabs in a message', opts, async () => {
        const res = await person.post('/send', { ...(await sendForm(person, URGENT.answers)), ...GOOD, name: 'Lina Lines', message: 'Line one\r\nLine two\tindented' });
        assert.equal(res.statusCode, 303);
        const ref = /r=(CRK-[A-Z0-9-]+)/.exec(res.headers.location as string)?.[1] ?? '';
        assert.equal((await h.clinic.ctx.store.submissions.get(staffContext('t', 'admin'), ref))?.message, 'Line one\r\nLine two\tindented');
      });

      it('in answers, staff forms, sign-in, searches and addresses: a 400 naming the field', opts, async () => {
        const url = `/clinic/submissions/${reference}`;
        const csrf = await clin.csrfFrom(url);
        const adminCsrf = await admin.csrfFrom('/clinic/users');
        const cases: [string, () => Promise<{ statusCode: number; body: string }>][] = [
          ['s', async () => person.get(`/send/start?s=${encodeURIComponent(`abc${NUL}`)}`)],
          ['note', async () => clin.post(`${url}/status`, { _csrf: csrf, to: 'in_progress', note: `a${NUL}b` })],
          ['comment', async () => clin.post(`${url}/feedback`, { _csrf: csrf, verdict: 'agree', comment: `a${NUL}b` })],
          ['assignee', async () => clin.post(`${url}/assign`, { _csrf: csrf, assignee: `x${NUL}` })],
          ['name', async () => admin.post('/clinic/users', { _csrf: adminCsrf, name: `New\u0007Person`, email: 'new@example.com', role: 'clinician' })],
          ['reference', async () => admin.post('/clinic/retention/delete', { _csrf: adminCsrf, reference: `CRK${NUL}`, confirm: 'yes' })],
          ['q', async () => clin.get(`/clinic?q=${encodeURIComponent(`ursula${NUL}`)}`)],
          ['reference', async () => admin.get(`/clinic/audit?reference=${encodeURIComponent(`CRK${NUL}`)}`)],
          ['ref', async () => clin.get(`/clinic/submissions/${encodeURIComponent(`x${NUL}`)}`)],
          ['id', async () => admin.post(`/clinic/users/${encodeURIComponent(`x${NUL}`)}/disable`, { _csrf: adminCsrf })],
          ['email', async () => {
            const anon = new Client(h.app);
            const t = await anon.csrfFrom('/clinic/login');
            return anon.post('/clinic/login', { _csrf: t, email: `clin${NUL}@example.com`, password: 'whatever it is', next: '/clinic' });
          }],
          ['password', async () => {
            const anon = new Client(h.app);
            const t = await anon.csrfFrom('/clinic/login');
            return anon.post('/clinic/login', { _csrf: t, email: 'clin@example.com', password: `pass${NUL}word`, next: '/clinic' });
          }],
        ];
        for (const [field, call] of cases) {
          const res = await call();
          assert.equal(res.statusCode, 400, `${field}: ${String(res.statusCode)} ${res.body.slice(0, 300)}`);
          assert.match(res.body, HIDDEN, field);
          assert.ok(res.body.includes(field.startsWith("a.") ? "“your answers”" : `“${field}”`), `${field} is named`);
        }
        const s = await h.clinic.ctx.store.submissions.get(staffContext('t', 'admin'), reference);
        assert.equal(s?.status, 'new', 'nothing changed');
        assert.equal(s.feedback.length, 0);
        assert.equal((await h.clinic.ctx.store.staff.byEmail('new@example.com')), undefined);
      });

      it('in the JSON API: a 400 with code control_character and the path of the value', opts, async () => {
        const res = await h.app.inject({
          method: 'POST', url: '/api/v1/triage', headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ answers: { age_years: 40, body_region: `knee${NUL}` } }),
        });
        assert.equal(res.statusCode, 400);
        const body = res.json<{ error: { code: string; path: string | null; message: string } }>();
        assert.equal(body.error.code, 'control_character');
        assert.equal(body.error.path, 'answers.body_region');
      });
    });

    describe('the audit log names who did what to whom', () => {
      interface Row { action: string; actor_kind: string; user_id: string | null; subject_user_id: string | null; detail_json: string | null }
      const rows = async (action: string): Promise<Row[]> => (await h.clinic.ctx.store.kysely.selectFrom('audit_log')
        .select(['action', 'actor_kind', 'user_id', 'subject_user_id', 'detail_json']).where('action', '=', action).orderBy('at').orderBy('id').execute());
      const idOf = async (email: string) => (await h.clinic.ctx.store.staff.byEmail(email))?.id ?? '';

      it('a password link made by an admin for someone else, and the password set with it', opts, async () => {
        const adminId = await idOf('admin@example.com');
        const targetId = await addStaff(h, 'target@example.com', 'admin', 'Tara Target');
        const csrf = await admin.csrfFrom('/clinic/users');
        const made = await admin.post(`/clinic/users/${targetId}/reset-link`, { _csrf: csrf });
        const link = /(\/clinic\/password\/[A-Za-z0-9_-]+)/.exec(made.body)?.[1] ?? '';
        const links = await rows('staff.reset_link');
        assert.deepEqual(links.at(-1)?.user_id, adminId, 'the admin made it');
        assert.equal(links.at(-1)?.subject_user_id, targetId, 'for the target');
        const target = new Client(h.app);
        const form = await target.csrfFrom(link);
        const pw = 'a brand new long password';
        assert.equal((await target.post(link, { _csrf: form, password: pw, confirm: pw })).statusCode, 303);
        const set = (await rows('staff.password_set')).at(-1);
        assert.equal(set?.subject_user_id, targetId);
        assert.equal(set.user_id, targetId, 'set by the target');
        assert.ok((set.detail_json ?? '').includes(adminId), 'with the link the admin made');
      });

      it('a purge clicked by an admin, viewing the audit log and the staff list, and every download', opts, async () => {
        const adminId = await idOf('admin@example.com');
        const clinId = await idOf('clin@example.com');
        const csrf = await admin.csrfFrom('/clinic/retention');
        assert.equal((await admin.post('/clinic/retention/purge', { _csrf: csrf })).statusCode, 303);
        const purge = (await rows('retention.purge')).at(-1);
        assert.deepEqual([purge?.actor_kind, purge?.user_id], ['staff', adminId], 'the admin, not the scheduled job');
        const page = await admin.get('/clinic/audit');
        assert.deepEqual((await rows('audit.view')).map((r) => r.user_id).at(-1), adminId);
        assert.match(page.body, /target@example\.com/, 'the page shows whom an entry is about');
        await admin.get('/clinic/users');
        assert.equal((await rows('staff.list')).at(-1)?.user_id, adminId);
        for (const url of [`/clinic/submissions/${reference}/fhir.json`, '/clinic/export/bundle.json?status=all', '/clinic/export/inbox.csv?status=all']) {
          const before = (await rows('submission.export')).length + (await rows('inbox.export')).length;
          assert.equal((await clin.get(url)).statusCode, 200, url);
          const after = [...await rows('submission.export'), ...await rows('inbox.export')];
          assert.ok(after.length > before, `${url} is logged`);
        }
        const exports = await rows('inbox.export');
        assert.ok(exports.length >= 2 && exports.every((r) => r.user_id === clinId));
      });

      it('every staff row names its actor; every row about an account names that account', opts, async () => {
        const all = await h.clinic.ctx.store.kysely.selectFrom('audit_log').select(['action', 'actor_kind', 'user_id', 'subject_user_id']).execute();
        for (const r of all) {
          if (r.actor_kind === 'staff') assert.ok(r.user_id !== null, `${r.action} names its actor`);
          if (r.action.startsWith('staff.') && r.action !== 'staff.list' && r.action !== 'staff.login_failed') {
            assert.ok(r.subject_user_id !== null, `${r.action} names whom it is about`);
          }
        }
      });
    });

    describe('sign-in throttling', () => {
      const OWNER = 'owner@example.com';
      let ownerDevice: Client;

      const tryPassword = async (c: Client, password: string, email = OWNER) => {
        const csrf = await c.csrfFrom('/clinic/login');
        return c.post('/clinic/login', { _csrf: csrf, email, password, next: '/clinic' });
      };
      const failures = async () => (await h.clinic.ctx.store.kysely.selectFrom('audit_log').select('id')
        .where('action', '=', 'staff.login_failed').where('subject_user_id', '=', ownerId).execute()).length;
      let ownerId = '';

      before(async () => {
        if (skipReason !== false) return;
        ownerId = await addStaff(h, OWNER, 'clinician', 'Owen Owner');
        ownerDevice = new Client(h.app, undefined, '198.51.100.20');
        await ownerDevice.login(OWNER);
        assert.ok(ownerDevice.cookieNames().some((n) => n.endsWith('creak_device')), 'the owner’s device is remembered');
      });

      it('counts a burst of wrong passwords before checking any: only the free tries are checked, the rest must wait', opts, async () => {
        const attackers = Array.from({ length: 12 }, (_, i) => new Client(h.app, undefined, `203.0.113.${String(i + 1)}`));
        const tokens = await Promise.all(attackers.map((a) => a.csrfFrom('/clinic/login')));
        const results = await Promise.all(attackers.map((a, i) =>
          a.post('/clinic/login', { _csrf: tokens[i] ?? '', email: OWNER, password: `guess number ${String(i)}`, next: '/clinic' })));
        const statuses = results.map((r) => r.statusCode).sort();
        assert.deepEqual(statuses, [...Array<number>(5).fill(400), ...Array<number>(7).fill(429)], statuses.join(','));
        assert.equal(await failures(), 5, 'exactly 5 passwords were checked');
        const waiting = await tryPassword(new Client(h.app, undefined, '203.0.113.99'), 'correct horse battery staple');
        assert.equal(waiting.statusCode, 429, 'a new device waits even with the right password');
      });

      it('never locks the owner out: their own device still signs in while the attack goes on', opts, async () => {
        const c = new Client(h.app, undefined, '198.51.100.20');
        for (const [name, value] of Object.entries(ownerCookies(ownerDevice))) c.setCookie(name, value);
        const res = await tryPassword(c, 'correct horse battery staple');
        assert.equal(res.statusCode, 303);
        const forged = new Client(h.app, undefined, '203.0.113.77');
        forged.setCookie('creak_device', `${ownerId}.${'A'.repeat(22)}.${'B'.repeat(22)}`);
        assert.equal((await tryPassword(forged, 'correct horse battery staple')).statusCode, 429, 'a made-up device cookie counts for nothing');
      });

      it('waits grow rather than lock, and the owner is emailed once a day about it', opts, async () => {
        clock.advance(31_000);
        assert.equal((await tryPassword(new Client(h.app, undefined, '203.0.113.50'), 'another guess')).statusCode, 400, 'one more try after the wait');
        const next = await tryPassword(new Client(h.app, undefined, '203.0.113.51'), 'another guess');
        assert.equal(next.statusCode, 429);
        clock.advance(61_000);
        assert.equal((await tryPassword(new Client(h.app, undefined, '203.0.113.52'), 'correct horse battery staple')).statusCode, 303,
          'after the (longer) wait the right password works from anywhere');
        const deadline = Date.now() + 10_000;
        while (!mails.some((m) => m.to.includes(OWNER)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        const alerts = mails.filter((m) => m.to.includes(OWNER));
        assert.equal(alerts.length, 1, 'one alert, not one per try');
        assert.match(alerts[0]?.body ?? '', /wrong password/);
        assert.doesNotMatch(alerts[0]?.body ?? '', /203\.0\.113/, 'no addresses in the email');
      });

      it('stores no typed email or password, and the retention job deletes old counters', opts, async () => {
        const typed = 'my-Secret-passphrase typed in the email box';
        assert.equal((await tryPassword(new Client(h.app, undefined, '192.0.2.9'), 'x', typed)).statusCode, 400);
        const store = h.clinic.ctx.store;
        // Only this test's own tables: on PostgreSQL other test files' schemas share the database.
        const own = backend.name === 'PostgreSQL' ? (await sql<{ s: string }>`select current_schema() as s`.execute(store.kysely)).rows[0]?.s : undefined;
        for (const table of await store.kysely.introspection.getTables()) {
          if (table.name.startsWith('kysely_') || (own !== undefined && table.schema !== own)) continue;
          const rows = await store.kysely.selectFrom(table.name as 'audit_log').selectAll().execute();
          const text = JSON.stringify(rows);
          assert.ok(!text.includes('Secret-passphrase'), `${table.name} holds nothing that was typed`);
          assert.ok(!text.includes(OWNER) || table.name === 'staff_user', `${table.name} has no login email`);
        }
        assert.ok((await store.kysely.selectFrom('login_throttle').select('key').execute()).length > 0);
        clock.advance(25 * 3600_000);
        await h.clinic.scheduler.tick();
        assert.deepEqual(await store.kysely.selectFrom('login_throttle').select('key').execute(), [], 'purged after a quiet day');
      });
    });
  });
}
