// The clinic's view of clinical safety: the sign-off of the running content, the safety case and disagreement per hazard.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSafetyCase, type SafetyCase } from '../../src/safety/safety-case.js';
import { completeAnswers } from './helpers/answers.js';
import { addStaff, Client, content, startHarness, type Harness } from './helpers/harness.js';
import { sendResult } from './helpers/send-helper.js';

const c = content();
const LOCKED_KNEE = completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true });
const nowhere = mkdtempSync(join(tmpdir(), 'creak-no-shared-'));
let built: SafetyCase | undefined;
/** The repository's safety case without the shared files, built once for the tests that show one that passes. */
const passing = (): SafetyCase => (built ??= buildSafetyCase({
  root: '.', contentDir: 'content', now: new Date('2026-11-30T12:00:00Z'), clinical: c, extraVignettes: [],
  devVignettes: join(nowhere, 'dev.yaml'), sharedHazards: join(nowhere, 'hazards.md'),
}));

describe('clinical safety on the clinic side', () => {
  describe('content not signed off', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness({ signoffs: [], safetyCase: passing() });
      await addStaff(h, 'admin@example.com', 'admin', 'Ada Admin');
      await addStaff(h, 'clin@example.com', 'clinician', 'Cleo Clinician');
    });
    after(async () => h.close());

    it('warns the admin on every staff page while the running content is not signed off', async () => {
      const admin = new Client(h.app);
      await admin.login('admin@example.com');
      for (const url of ['/clinic', '/clinic/safety', '/clinic/users', '/clinic/audit', '/clinic/account']) {
        const page = await admin.get(url);
        assert.equal(page.statusCode, 200, url);
        assert.match(page.body, /id="content-not-signed-off"[^>]*><p><strong>Warning: <\/strong>The check’s clinical content|id="content-not-signed-off"[^>]*><p><strong>Warning: <\/strong>The check&#39;s clinical content/, url);
        assert.ok(page.body.includes(`(version ${c.version}) has not been signed off by a clinical safety officer`), url);
      }
      const clin = new Client(h.app);
      await clin.login('clin@example.com');
      assert.doesNotMatch((await clin.get('/clinic')).body, /content-not-signed-off/, 'the warning is for admins');
      const safety = await clin.get('/clinic/safety');
      assert.match(safety.body, /<strong>Not signed off\.<\/strong> The running content version <span class="code">[0-9a-f]{12}<\/span> has no/);
      const health = await h.app.inject({ url: '/healthz' });
      assert.equal(health.statusCode, 200);
      assert.deepEqual([health.json<{ signedOff: boolean }>().signedOff, health.json<{ signedOffOn: string | null }>().signedOffOn], [false, null]);
    });
  });

  describe('content signed off', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness({
        signoffs: [{ contentVersion: c.version, name: 'Sam Officer', role: 'Clinical safety officer, Test Physio', date: '2026-12-01', reviewed: 'creak diff and the safety case report of 2026-12-01' }],
        safetyCase: passing(),
      });
      await addStaff(h, 'admin@example.com', 'admin', 'Ada Admin');
      const person = new Client(h.app);
      for (const name of ['Pat One', 'Pat Two', 'Pat Three']) await sendResult(person, LOCKED_KNEE.answers, { name });
    });
    after(async () => h.close());

    it('shows the sign-off and the safety case, and marks a hazard whose rules clinicians often disagree with', async () => {
      const admin = new Client(h.app);
      await admin.login('admin@example.com');
      let page = await admin.get('/clinic/safety');
      assert.doesNotMatch(page.body, /content-not-signed-off/);
      assert.match(page.body, /<strong>Signed off\.<\/strong> Content version <span class="code">[0-9a-f]{12}<\/span> was signed off by\s*Sam Officer, Clinical safety officer, Test Physio, on 2026-12-01/);
      assert.match(page.body, /The safety case passes/);
      assert.match(page.body, /<strong>H16<\/strong> The embedded check/);
      assert.doesNotMatch(page.body, /hazards-disputed/, 'no feedback yet');
      const rule = LOCKED_KNEE.outcome.rules[0]?.id ?? '';
      const inbox = await admin.get('/clinic');
      const refs = [...inbox.body.matchAll(/\/clinic\/submissions\/(CRK-[A-Z0-9-]+)/g)].map((m) => m[1] ?? '');
      assert.equal(new Set(refs).size, 3);
      const verdicts = ['less_urgent', 'less_urgent', 'agree'];
      for (const [i, ref] of [...new Set(refs)].entries()) {
        const csrf = await admin.csrfFrom(`/clinic/submissions/${ref}`);
        assert.equal((await admin.post(`/clinic/submissions/${ref}/feedback`, { _csrf: csrf, verdict: verdicts[i] ?? 'agree' })).statusCode, 303);
      }
      page = await admin.get('/clinic/safety');
      const disputed = passing().hazards.filter((x) => x.rules.includes(rule)).map((x) => x.id);
      assert.ok(disputed.length > 0, `${rule} controls some hazard`);
      assert.ok(page.body.includes(`Clinicians often disagree with the rules of ${disputed.join(', ')}.`), page.body);
      assert.ok(page.body.includes(`disagreed on ${rule} 2 of 3`));
      const health = await h.app.inject({ url: '/healthz' });
      assert.deepEqual([health.json<{ signedOff: boolean }>().signedOff, health.json<{ signedOffOn: string | null }>().signedOffOn], [true, '2026-12-01']);
    });

    it('offers the full report as one self-contained HTML file', async () => {
      const admin = new Client(h.app);
      await admin.login('admin@example.com');
      const res = await admin.get('/clinic/safety/report.html');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-disposition'] as string, /^attachment; filename="safety-case-[0-9a-f]{12}\.html"$/);
      assert.match(res.body, /^<!doctype html><html lang="en-GB">/);
      assert.match(res.body, /<h1>Clinical safety case report<\/h1>/);
      assert.match(res.body, /This content version was signed off by Sam Officer/);
      assert.doesNotMatch(res.body, /<link |<script|src="http/, 'nothing outside the file');
    });
  });
});
