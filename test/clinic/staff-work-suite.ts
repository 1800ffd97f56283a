// The staff's daily work over HTTP (run on SQLite and on PostgreSQL): inbox order and filters, the detail page, workflow, feedback, safety, audit, exports;
// and hostile text in every patient field shown escaped everywhere (inbox, detail, CSV, FHIR) and stored verbatim.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { staffContext } from '../../src/db/context.js';
import { completeAnswers } from './helpers/answers.js';
import { parseCsvObjects } from './helpers/csv-parse.js';
import { testClock } from './helpers/clock.js';
import type * as fhir4 from 'fhir/r4.js';
import { enabledLinkIds } from './fhir/enable-when.js';
import { assertValidFhir } from './helpers/fhir-validate.js';
import { addStaff, Client, content, startHarness, type Harness } from './helpers/harness.js';
import type { OpenDatabaseOptions } from '../../src/db/database.js';
import { HOSTILE } from './helpers/outcome-fixture.js';
import { sendResult } from './helpers/send-helper.js';
import { findingLine } from '../../src/web/check/answer-text.js';

const c = content();
const URGENT = completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true });
const SOON = completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', injury_recent: true, joint_gives_way: true });
const SELF = completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_only' });
const EMERGENCY = completeAnswers(c, { age_years: 40, body_region: 'lower_back', main_concern: 'pain_only', bladder_change: true });

const EVIL_NAME = `${HOSTILE.html} ${HOSTILE.sql}`;
const EVIL_EMAIL = '<script>alert(2)</script>@evil.example';
const EVIL_MESSAGE = `${HOSTILE.formula} ${HOSTILE.html}`;

/** The code system of a choice item's answers, as the Questionnaire gives it. */
function optionSystem(q: fhir4.Questionnaire, linkId: string): string {
  return q.item?.find((i) => i.linkId === linkId)?.answerOption?.[0]?.valueCoding?.system ?? '';
}
const regionSystem = (q: fhir4.Questionnaire): string => optionSystem(q, 'body_region');
const concernSystem = (q: fhir4.Questionnaire): string => optionSystem(q, 'main_concern');

function rowsOf(html: string): string[] {
  return [...html.matchAll(/data-reference="(CRK-[^"]+)"/g)].map((m) => m[1] ?? '');
}

export interface SuiteBackend {
  name: string;
  skip: () => Promise<string | false>;
  database?: () => { options: Partial<OpenDatabaseOptions>; cleanup: () => Promise<void> };
}

export function staffWorkSuite(backend: SuiteBackend): void {
  describe(`staff work on ${backend.name}`, async () => {
    const skipReason = await backend.skip();
    const opts = { skip: skipReason };
    const db = skipReason === false ? backend.database?.() : undefined;
    const clock = testClock('2026-03-02T10:00:00.000Z');
    let h: Harness;
    let clin: Client;
    let admin: Client;
    const refs: Record<string, string> = {};

    before(async () => {
      if (skipReason !== false) return;
      h = await startHarness({ now: clock.now, settings: { sessionIdleMs: 24 * 3600_000, sessionAbsoluteMs: 48 * 3600_000 }, ...(db === undefined ? {} : { database: db.options }) });
      await addStaff(h, 'admin@example.com', 'admin', 'Ada Admin');
      await addStaff(h, 'clin@example.com', 'clinician', 'Cleo Clinician');
      const person = new Client(h.app);
      refs.self = await sendResult(person, SELF.answers, { name: 'Sally Self' });
      clock.advance(60_000);
      refs.soon = await sendResult(person, SOON.answers, { name: 'Sonny Soon' });
      clock.advance(60_000);
      refs.urgentOld = await sendResult(person, URGENT.answers, { name: 'Ursula Early' });
      clock.advance(60_000);
      refs.evil = await sendResult(person, URGENT.answers, { name: EVIL_NAME, email: EVIL_EMAIL, message: EVIL_MESSAGE, phone: '+44 7700 900982' });
      clock.advance(60_000);
      refs.emergency = await sendResult(person, EMERGENCY.answers, { name: 'Emil Emergency' });
      clin = new Client(h.app);
      await clin.login('clin@example.com');
      admin = new Client(h.app);
      await admin.login('admin@example.com');
    });
    after(async () => {
      if (skipReason !== false) return;
      await h.close();
      await db?.cleanup();
    });

    it('lists the most urgent first, then the longest waiting', opts, async () => {
      const res = await clin.get('/clinic');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(rowsOf(res.body), [refs.emergency, refs.urgentOld, refs.evil, refs.soon, refs.self]);
    });

    it('highlights overdue items and filters by status, level, region, date, assignee and search', opts, async () => {
      clock.set('2026-03-02T16:00:00.000Z');
      const res = await clin.get('/clinic');
      assert.match(res.body, new RegExp(`class="is-overdue" data-reference="${refs.urgentOld ?? ''}"`));
      assert.match(res.body, /Overdue by/);
      assert.deepEqual(rowsOf((await clin.get('/clinic?overdue=yes')).body), [refs.emergency, refs.urgentOld, refs.evil]);
      assert.deepEqual(rowsOf((await clin.get('/clinic?level=soon')).body), [refs.soon]);
      assert.deepEqual(rowsOf((await clin.get('/clinic?region=lower_back')).body), [refs.emergency]);
      assert.deepEqual(rowsOf((await clin.get('/clinic?from=2026-03-03')).body), []);
      assert.equal(rowsOf((await clin.get('/clinic?from=2026-03-02&to=2026-03-02')).body).length, 5);
      assert.deepEqual(rowsOf((await clin.get('/clinic?q=ursula')).body), [refs.urgentOld]);
      assert.deepEqual(rowsOf((await clin.get(`/clinic?q=${(refs.soon ?? '').toLowerCase()}`)).body), [refs.soon]);
      assert.deepEqual(rowsOf((await clin.get('/clinic?assignee=me')).body), []);
      const bad = await clin.get('/clinic?level=critical&from=2026-02-31');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /There is a problem/);
      assert.match(bad.body, /href="#f-level"/);
      assert.match(bad.body, /href="#f-from"/);
    });

    it('shows every answer with the question the person saw, the result with reasons and sources, and the content version', opts, async () => {
      const res = await clin.get(`/clinic/submissions/${refs.urgentOld ?? ''}`);
      assert.equal(res.statusCode, 200);
      for (const q of c.questions.filter((x) => x.findings.some((f) => URGENT.answers[f] !== undefined))) {
        const escaped = q.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');
        assert.ok(res.body.includes(escaped) || res.body.includes(q.text), `question shown: ${q.text}`);
      }
      for (const rule of URGENT.outcome.rules) assert.ok(res.body.includes(`${rule.id}: `), `rule ${rule.id}`);
      assert.ok(res.body.includes(c.version));
      assert.match(res.body, /Urgent: get help today/);
    });

    it('puts the decision first: a summary (level, due, deciding rule, key answers, contact), the actions, then the reasons as lists', opts, async () => {
      const body = (await clin.get(`/clinic/submissions/${refs.urgentOld ?? ''}`)).body;
      const at = (needle: string) => {
        const i = body.indexOf(needle);
        assert.ok(i >= 0, `${needle} is on the page`);
        return i;
      };
      const summary = body.slice(at('id="summary"'), at('</dl>'));
      for (const label of ['Result', 'Due', 'Deciding rule', 'Key answers', 'Contact']) assert.match(summary, new RegExp(`<dt>${label}</dt>`), label);
      const deciding = URGENT.outcome.rules.find((r) => r.level === URGENT.outcome.level);
      assert.ok(deciding);
      assert.ok(summary.includes(`${deciding.id}: ${deciding.title}`), 'the deciding rule in the summary');
      assert.ok(summary.includes('Ursula Early') && summary.includes('tel:'), 'the contact in the summary');
      assert.ok(URGENT.outcome.decisive.length > 0);
      for (const f of URGENT.outcome.decisive) {
        const label = findingLine(c, f, URGENT.answers[f]).label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');
        assert.ok(summary.includes(label), `the answer that decided it, in the summary: ${label}`);
      }
      const order = [at('id="summary"'), at(`action="/clinic/submissions/${refs.urgentOld ?? ''}/status"`), at('id="reasons"'), at('id="answers"'), at('id="history"')];
      assert.deepEqual([...order].sort((a, b) => a - b), order, 'summary, actions, reasons, answers, history');
      const reasons = body.slice(at('id="reasons"'), at('id="answers"'));
      assert.match(reasons, /^id="reasons"[^]*?<ul/);
      assert.doesNotMatch(reasons, /<p>Because:/, 'the reasons are lists, not paragraphs');
    });

    it('moves through the workflow with notes and who did what, assigns, and records feedback for the safety page', opts, async () => {
      const url = `/clinic/submissions/${refs.soon ?? ''}`;
      let csrf = await clin.csrfFrom(url);
      assert.equal((await clin.post(`${url}/status`, { _csrf: csrf, to: 'in_progress', note: 'Left a voicemail' })).statusCode, 303);
      const wrong = await clin.post(`${url}/status`, { _csrf: csrf, to: 'new', note: '' });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /cannot move to that status/);
      const users = await h.clinic.ctx.store.staff.listAssignable();
      const cleo = users.find((u) => u.name === 'Cleo Clinician')?.id ?? '';
      assert.equal((await clin.post(`${url}/assign`, { _csrf: csrf, assignee: cleo })).statusCode, 303);
      assert.equal((await clin.post(`${url}/assign`, { _csrf: csrf, assignee: 'not-a-user' })).statusCode, 400);
      assert.equal((await clin.post(`${url}/feedback`, { _csrf: csrf, verdict: 'more_urgent', comment: 'Gave way twice today' })).statusCode, 303);
      assert.equal((await clin.post(`${url}/feedback`, { _csrf: csrf, verdict: 'sideways' })).statusCode, 400);
      csrf = await clin.csrfFrom(url);
      assert.equal((await clin.post(`${url}/status`, { _csrf: csrf, to: 'contacted', note: '' })).statusCode, 303);
      assert.equal((await clin.post(`${url}/status`, { _csrf: csrf, to: 'closed', note: 'Booked' })).statusCode, 303);
      const page = await clin.get(url);
      assert.match(page.body, /New → In progress by Cleo Clinician/);
      assert.match(page.body, /Left a voicemail/);
      assert.match(page.body, /Contacted → Closed by Cleo Clinician/);
      assert.match(page.body, /Should have been more urgent<\/strong> by Cleo Clinician/);
      assert.deepEqual(rowsOf((await clin.get('/clinic?assignee=me&status=all')).body), [refs.soon]);
      assert.ok(!rowsOf((await clin.get('/clinic')).body).includes(refs.soon ?? ''), 'closed leaves the open inbox');
      const safety = await clin.get('/clinic/safety');
      const rule = SOON.outcome.rules[0]?.id ?? '';
      assert.match(safety.body, new RegExp(`<strong>${rule}</strong>`));
      assert.ok(safety.body.includes(c.version));
    });

    it('shows hostile text escaped on every page and stores it verbatim', opts, async () => {
      const record = await h.clinic.ctx.store.submissions.get(staffContext('t', 'admin'), refs.evil ?? '');
      assert.equal(record?.name, EVIL_NAME);
      assert.equal(record.email, EVIL_EMAIL);
      assert.equal(record.message, EVIL_MESSAGE);
      const url = `/clinic/submissions/${refs.evil ?? ''}`;
      const csrf = await clin.csrfFrom(url);
      await clin.post(`${url}/status`, { _csrf: csrf, to: 'in_progress', note: HOSTILE.html });
      await clin.post(`${url}/feedback`, { _csrf: csrf, verdict: 'agree', comment: HOSTILE.html });
      for (const page of ['/clinic', url, `/clinic?q=${encodeURIComponent("robert'); drop")}`]) {
        const body = (await clin.get(page)).body;
        assert.ok(!body.includes('<script>alert'), `${page}: no live script`);
        assert.ok(!body.includes('<img src=x'), `${page}: no live img`);
        assert.ok(body.includes('&lt;script&gt;alert('), `${page}: shown as text`);
        assert.ok(body.includes('Robert&#39;); DROP TABLE submission;--') || body.includes("Robert'); DROP TABLE submission;--"), `${page}: SQL text verbatim`);
      }
      const audit = (await admin.get('/clinic/audit')).body;
      assert.ok(!audit.includes('Robert') && !audit.includes('evil.example'), 'no patient data in the audit log');
    });

    it('exports the inbox as CSV with formulas neutralised and the text otherwise verbatim', opts, async () => {
      const res = await clin.get('/clinic/export/inbox.csv?status=all');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^text\/csv/);
      assert.match(res.headers['content-disposition'] as string, /attachment/);
      const rows = parseCsvObjects(res.body.replace(/^\ufeff/, ''));
      assert.equal(rows.length, 5);
      const evil = rows.find((r) => r.Reference === refs.evil);
      assert.ok(evil);
      assert.equal(evil.Name, EVIL_NAME);
      assert.equal(evil.Message, `'${EVIL_MESSAGE}`, 'a cell starting with = is prefixed with a quote');
      assert.equal(evil.Phone, '+447700900982', 'a valid number is stored and written in E.164, with no quote');
      assert.equal(evil.Email, EVIL_EMAIL);
      for (const row of rows) {
        for (const [column, cell] of Object.entries(row)) {
          if (column === 'Phone' && /^\+[1-9][0-9]{7,14}$/.test(cell)) continue;
          assert.ok(!/^[=+\-@\t\r]/.test(cell), `cell ${cell}`);
        }
      }
    });

    it('exports one submission and the inbox as valid FHIR R4 Bundles that keep the text verbatim', opts, async () => {
      const one = await clin.get(`/clinic/submissions/${refs.evil ?? ''}/fhir.json`);
      assert.equal(one.statusCode, 200);
      assert.match(one.headers['content-type'] as string, /^application\/fhir\+json/);
      assert.ok(!one.body.includes('<'), 'no raw markup characters in the JSON text');
      const bundle = JSON.parse(one.body) as { resourceType: string; entry: { resource: Record<string, unknown> }[] };
      assertValidFhir(bundle);
      const types = bundle.entry.map((e) => e.resource.resourceType);
      assert.deepEqual(types, ['Questionnaire', 'Patient', 'QuestionnaireResponse', 'RiskAssessment', 'Communication']);
      const patient = bundle.entry[1]?.resource as { name: { text: string }[] };
      assert.equal(patient.name[0]?.text, EVIL_NAME);
      const risk = bundle.entry[3]?.resource as { prediction: { outcome: { coding: { code: string }[] }; qualitativeRisk: { coding: { code: string }[] } }[] };
      assert.equal(risk.prediction[0]?.qualitativeRisk.coding[0]?.code, 'urgent');
      assert.deepEqual(risk.prediction.map((p) => p.outcome.coding[0]?.code), URGENT.outcome.rules.map((r) => r.id));
      const message = bundle.entry[4]?.resource as { payload: { contentString: string }[] };
      assert.equal(message.payload[0]?.contentString, EVIL_MESSAGE);
      // Every answered item refers to an item of the Questionnaire.
      const questionnaire = bundle.entry[0]?.resource as { item: { linkId: string; item?: { linkId: string }[] }[] };
      const ids = new Set(questionnaire.item.flatMap((i) => [i.linkId, ...(i.item ?? []).map((x) => x.linkId)]));
      const response = bundle.entry[2]?.resource as { item: { linkId: string; item?: { linkId: string }[] }[] };
      for (const item of response.item.flatMap((i) => [i, ...(i.item ?? [])])) assert.ok(ids.has(item.linkId), item.linkId);

      const bulk = await clin.get('/clinic/export/bundle.json?status=all');
      const all = JSON.parse(bulk.body) as { entry: unknown[] };
      assertValidFhir(all);
      assert.equal(all.entry.length, 1 + 5 * 3 + 1, 'the Questionnaire, five people with answers and triage, one message');
    });

    it('exports the check as a valid Questionnaire with enableWhen on region-limited questions', opts, async () => {
      const res = await clin.get('/clinic/questionnaire.json');
      const q = JSON.parse(res.body) as fhir4.Questionnaire;
      assertValidFhir(q);
      assert.equal(q.version, c.version);
      const regions = c.findings.get('body_region');
      assert.ok(regions?.type === 'choice');
      const shownFor = (linkId: string) => regions.values.filter((region) => enabledLinkIds(q, new Map([
        ['age_years', [{ valueInteger: 40 }]], ['body_region', [{ valueCoding: { system: regionSystem(q), code: region } }]],
        ['main_concern', [{ valueCoding: { system: concernSystem(q), code: 'noise_and_pain' } }]],
      ])).has(linkId));
      assert.deepEqual(shownFor('jaw_stuck_open'), ['jaw']);
      const bladder = shownFor('bladder_change');
      assert.ok(['lower_back', 'upper_back', 'neck', 'hip', 'other'].every((r) => bladder.includes(r)), bladder.join(', '));
      assert.ok(!bladder.some((r) => ['jaw', 'shoulder', 'elbow', 'wrist_hand'].includes(r)), 'never asked for the arm or jaw');
      assert.equal(q.item?.find((i) => i.linkId === 'age_years')?.enableWhen, undefined);
    });

    it('audits views, changes and exports; admins read the log; deleting by reference keeps the trail', opts, async () => {
      const before = await admin.get(`/clinic/audit?reference=${refs.evil ?? ''}`);
      for (const action of ['submission.create', 'submission.view', 'submission.status', 'submission.feedback', 'submission.export']) {
        assert.ok(before.body.includes(action), action);
      }
      const csrf = await admin.csrfFrom('/clinic/retention');
      const missing = await admin.post('/clinic/retention/delete', { _csrf: csrf, reference: refs.evil ?? '' });
      assert.equal(missing.statusCode, 400, 'needs the confirmation tick');
      assert.equal((await admin.post('/clinic/retention/delete', { _csrf: csrf, reference: refs.evil ?? '', confirm: 'yes' })).statusCode, 303);
      assert.equal((await clin.get(`/clinic/submissions/${refs.evil ?? ''}`)).statusCode, 404);
      const afterwards = await admin.get(`/clinic/audit?reference=${refs.evil ?? ''}`);
      assert.ok(afterwards.body.includes('submission.delete'));
      assert.ok(afterwards.body.includes('submission.view'), 'the earlier trail stays');
    });
  });
}
