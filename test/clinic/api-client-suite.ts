// The records system's API client over HTTP (run on SQLite and on PostgreSQL): an admin makes a key (shown once, stored
// hashed), the client searches sent results as FHIR with paging and includes, every read is audited under its name,
// and a revoked key is refused at once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type * as fhir4 from 'fhir/r4.js';
import { staffContext } from '../../src/db/context.js';
import type { OpenDatabaseOptions } from '../../src/db/database.js';
import { completeAnswers } from './helpers/answers.js';
import { testClock } from './helpers/clock.js';
import { assertValidFhir } from './helpers/fhir-validate.js';
import { addStaff, Client, content, startHarness, type Harness } from './helpers/harness.js';
import { sendResult } from './helpers/send-helper.js';

const c = content();
const SELF = completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_only' });
const URGENT = completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true });

export interface SuiteBackend {
  name: string;
  skip: () => Promise<string | false>;
  database?: () => { options: Partial<OpenDatabaseOptions>; cleanup: () => Promise<void> };
}

/** The key shown once on the integrations page after creating a client. */
function shownKey(html: string): string | undefined {
  return /<p class="code">(creak_[A-Za-z0-9_-]+)<\/p>/.exec(html)?.[1];
}

export function apiClientSuite(backend: SuiteBackend): void {
  describe(`API clients on ${backend.name}`, async () => {
    const skipReason = await backend.skip();
    const opts = { skip: skipReason };
    const db = skipReason === false ? backend.database?.() : undefined;
    const clock = testClock('2026-03-02T10:00:00.000Z');
    let h: Harness;
    let admin: Client;
    let adminId = '';
    let key = '';
    const sent: { reference: string; at: string }[] = [];

    const get = (url: string, bearer: string | null = key) =>
      h.app.inject({ method: 'GET', url, headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` } });
    const bundleOf = (res: Awaited<ReturnType<typeof get>>) => {
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^application\/fhir\+json/);
      return res.json<fhir4.Bundle>();
    };
    const matches = (b: fhir4.Bundle) => (b.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource as fhir4.QuestionnaireResponse);
    const local = (url: string) => url.replace(h.config.baseUrl, '');

    before(async () => {
      if (skipReason !== false) return;
      h = await startHarness({ now: clock.now, settings: { sessionIdleMs: 24 * 3600_000, sessionAbsoluteMs: 48 * 3600_000 }, ...(db === undefined ? {} : { database: db.options }) });
      adminId = await addStaff(h, 'admin@example.com', 'admin', 'Ada Admin');
      admin = new Client(h.app);
      await admin.login('admin@example.com');
      const person = new Client(h.app);
      for (const [i, answers] of [SELF, URGENT, SELF, URGENT, SELF].entries()) {
        clock.advance(60_000);
        sent.push({ reference: await sendResult(person, answers.answers, { name: `Person ${i}`, email: `p${i}@example.com` }), at: clock.now().toISOString() });
      }
    });
    after(async () => {
      if (skipReason !== false) return;
      await h.close();
      await db?.cleanup();
    });

    it('shows a new key once and keeps only its hash', opts, async () => {
      const csrf = await admin.csrfFrom('/clinic/integrations');
      const res = await admin.post('/clinic/integrations/clients', { _csrf: csrf, name: 'Riverside EPR' });
      assert.equal(res.statusCode, 200);
      key = shownKey(res.body) ?? '';
      assert.match(key, /^creak_[A-Za-z0-9_-]{43}$/);
      const again = await admin.get('/clinic/integrations');
      assert.ok(again.body.includes('Riverside EPR'), 'the client is listed');
      assert.equal(shownKey(again.body), undefined, 'the key is not shown again');
      const rows = await h.clinic.ctx.store.kysely.selectFrom('api_client').selectAll().execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.scope, 'read');
      assert.ok(!JSON.stringify(rows).includes(key.slice('creak_'.length)), 'the key itself is not stored');
      const empty = await admin.post('/clinic/integrations/clients', { _csrf: csrf, name: '  ' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Enter a name/);
    });

    it('refuses requests without a valid key with 401 and an OperationOutcome', opts, async () => {
      for (const bearer of [null, 'creak_wrong', `${key}x`]) {
        const res = await get('/fhir/QuestionnaireResponse', bearer);
        assert.equal(res.statusCode, 401);
        assert.match(String(res.headers['www-authenticate']), /^Bearer /);
        assert.equal(res.json<fhir4.OperationOutcome>().issue[0]?.code, 'login');
      }
      const basic = await h.app.inject({ url: '/fhir/QuestionnaireResponse', headers: { authorization: `Basic ${Buffer.from(`x:${key}`).toString('base64')}` } });
      assert.equal(basic.statusCode, 401);
    });

    it('finds the results sent after an instant, oldest first, with each one\'s Patient and RiskAssessment', opts, async () => {
      const since = sent[1]?.at ?? '';
      const b = bundleOf(await get(`/fhir/QuestionnaireResponse?_lastUpdated=gt${since}`));
      assertValidFhir(b);
      assert.equal(b.type, 'searchset');
      assert.equal(b.total, 3);
      const found = matches(b);
      assert.deepEqual(found.map((r) => r.identifier?.value), sent.slice(2).map((s) => s.reference));
      const byUrl = new Map((b.entry ?? []).map((e) => [e.fullUrl, e]));
      for (const qr of found) {
        assert.equal(qr.meta?.lastUpdated, sent.find((s) => s.reference === qr.identifier?.value)?.at);
        const patient = byUrl.get(`${h.config.baseUrl}/fhir/${qr.subject?.reference ?? ''}`);
        assert.equal(patient?.resource?.resourceType, 'Patient');
        assert.equal(patient.search?.mode, 'include');
        const risk = (b.entry ?? []).find((e) => e.resource?.resourceType === 'RiskAssessment'
          && (e.resource as fhir4.RiskAssessment).basis?.[0]?.reference === `QuestionnaireResponse/${qr.id ?? ''}`);
        assert.equal(risk?.search?.mode, 'include', `the RiskAssessment of ${qr.id ?? ''}`);
      }
      const exact = bundleOf(await get(`/fhir/QuestionnaireResponse?_lastUpdated=${sent[0]?.at ?? ''}`));
      assert.deepEqual(matches(exact).map((r) => r.identifier?.value), [sent[0]?.reference]);
      const range = bundleOf(await get(`/fhir/QuestionnaireResponse?_lastUpdated=ge${sent[1]?.at ?? ''}&_lastUpdated=lt${sent[3]?.at ?? ''}`));
      assert.deepEqual(matches(range).map((r) => r.identifier?.value), [sent[1]?.reference, sent[2]?.reference]);
    });

    it('pages with _count and next links, each result once, a result sent meanwhile at the end', opts, async () => {
      let url: string | undefined = '/fhir/QuestionnaireResponse?_count=2';
      const seen: string[] = [];
      let pages = 0;
      while (url !== undefined) {
        const b = bundleOf(await get(url));
        if (pages === 0) {
          clock.advance(60_000);
          sent.push({ reference: await sendResult(new Client(h.app), SELF.answers, { name: 'Late Person' }), at: clock.now().toISOString() });
        }
        pages++;
        assert.ok(matches(b).length <= 2, 'at most _count matches a page');
        seen.push(...matches(b).map((r) => r.identifier?.value ?? ''));
        const next = b.link?.find((l) => l.relation === 'next')?.url;
        url = next === undefined ? undefined : local(next);
        assert.ok(pages < 10, 'paging ends');
      }
      assert.deepEqual(seen, sent.map((s) => s.reference));
      assert.equal(pages, 3);
      const counted = bundleOf(await get('/fhir/QuestionnaireResponse?_count=0'));
      assert.equal(counted.total, sent.length);
      assert.equal(counted.entry, undefined);
    });

    it('reads one result by id, directly or with _id, and answers 404 for an unknown one', opts, async () => {
      const b = bundleOf(await get('/fhir/QuestionnaireResponse?_count=1'));
      const first = matches(b)[0];
      const id = first?.id ?? '';
      const byId = bundleOf(await get(`/fhir/QuestionnaireResponse?_id=${id}`));
      assert.deepEqual(matches(byId).map((r) => r.id), [id]);
      const read = await get(`/fhir/QuestionnaireResponse/${id}`);
      assert.equal(read.statusCode, 200);
      assert.equal(read.json<fhir4.QuestionnaireResponse>().identifier?.value, first?.identifier?.value);
      const missing = await get('/fhir/QuestionnaireResponse/01a00000-0000-7000-8000-000000000000');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json<fhir4.OperationOutcome>().resourceType, 'OperationOutcome');
    });

    it('lists the search in the CapabilityStatement', opts, async () => {
      const cs = (await h.app.inject({ url: '/fhir/metadata' })).json<fhir4.CapabilityStatement>();
      const search = cs.rest?.[0]?.resource?.find((r) => r.type === 'QuestionnaireResponse');
      assert.deepEqual(search?.searchParam?.map((p) => p.name), ['_lastUpdated', '_id', '_count']);
    });

    it('refuses unsupported searches and methods with an OperationOutcome', opts, async () => {
      for (const q of ['status=completed', '_lastUpdated=yesterday', '_count=1000', '_cursor=zzz', '_lastUpdated=ne2026-03-02']) {
        const res = await get(`/fhir/QuestionnaireResponse?${q}`);
        assert.equal(res.statusCode, 400, q);
        assert.equal(res.json<fhir4.OperationOutcome>().issue[0]?.details?.coding?.[0]?.code, 'invalid_search');
      }
      const post = await h.app.inject({ method: 'POST', url: '/fhir/QuestionnaireResponse', headers: { authorization: `Bearer ${key}` }, payload: {} });
      assert.equal(post.statusCode, 405);
      assert.equal(post.headers.allow, 'GET');
    });

    it('audits every read under the client\'s name, one row per result given', opts, async () => {
      const before_ = await h.clinic.ctx.store.listAudit(staffContext(adminId, 'admin'), { limit: 1000, offset: 0 });
      const count = (action: string) => before_.rows.filter((r) => r.action === action && r.actorKind === 'api:Riverside EPR').length;
      const searches = count('api.search');
      const exports = count('submission.export');
      bundleOf(await get('/fhir/QuestionnaireResponse?_count=3'));
      const after_ = await h.clinic.ctx.store.listAudit(staffContext(adminId, 'admin'), { limit: 1000, offset: 0 });
      const ofClient = after_.rows.filter((r) => r.actorKind === 'api:Riverside EPR');
      assert.equal(ofClient.filter((r) => r.action === 'api.search').length, searches + 1);
      assert.equal(ofClient.filter((r) => r.action === 'submission.export').length, exports + 3);
      assert.ok(ofClient.filter((r) => r.action === 'submission.export').every((r) => r.reference !== null), 'each export row names its result');
      const page = await admin.get('/clinic/audit');
      assert.ok(page.body.includes('api:Riverside EPR'), 'the audit page names the client');
    });

    it('refuses a revoked key at once, and audits the attempt under the client\'s name', opts, async () => {
      assert.equal((await get('/fhir/QuestionnaireResponse?_count=1')).statusCode, 200);
      const page = await admin.get('/clinic/integrations');
      const action = /action="(\/clinic\/integrations\/clients\/[^"]+\/revoke)"/.exec(page.body)?.[1] ?? '';
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const res = await admin.post(action, { _csrf: csrf });
      assert.equal(res.statusCode, 303);
      const refused = await get('/fhir/QuestionnaireResponse?_count=1');
      assert.equal(refused.statusCode, 401);
      assert.match(refused.body, /revoked/);
      const audit = await h.clinic.ctx.store.listAudit(staffContext(adminId, 'admin'), { limit: 1000, offset: 0 });
      assert.ok(audit.rows.some((r) => r.action === 'api.denied' && r.actorKind === 'api:Riverside EPR'), 'the refused attempt is audited');
      assert.ok(audit.rows.some((r) => r.action === 'api_client.revoke'), 'the revocation is audited');
      assert.match((await admin.get('/clinic/integrations')).body, /Revoked/);
    });
  });
}
