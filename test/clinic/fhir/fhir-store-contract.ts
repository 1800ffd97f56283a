// Published FHIR definitions in the database, the same contract on SQLite and PostgreSQL: stored once per version,
// never changed, found by id and by canonical URL and version; the canonical base is kept; phones migrate to E.164.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type * as fhir4 from 'fhir/r4.js';
import { publicContext, staffContext } from '../../../src/db/context.js';
import { up as phoneMigration } from '../../../src/db/migrations/0010-phone-e164.js';
import { openStore, type Store } from '../../../src/db/store.js';
import { CanonicalBaseChanged, publishContent, questionnairesFor } from '../../../src/clinic/fhir/publish.js';
import type { Backend } from '../helpers/backends.js';
import { content } from '../helpers/harness.js';
import { sampleAnswers, sampleOutcome } from '../helpers/outcome-fixture.js';

const BASE = 'https://fhir.test.example';

export function fhirStoreContract(makeBackend: () => Backend, skip: () => Promise<string | false>): void {
  describe('published FHIR definitions', async () => {
    const skipReason = await skip();
    const opts = { skip: skipReason };
    let backend: Backend;
    let store: Store;
    before(async () => {
      if (skipReason !== false) return;
      backend = makeBackend();
      store = await openStore(backend.options);
    });
    after(async () => {
      if (skipReason !== false) return;
      await store.close();
      await backend.cleanup();
    });

    it('stores a content version once, even from several instances at once, and never changes it', opts, async () => {
      const c = content();
      const counts = await Promise.all([publishContent(store.fhir, c, BASE), publishContent(store.fhir, c, BASE)]);
      assert.ok(counts.reduce((a, b) => a + b, 0) > 5);
      assert.equal(await publishContent(store.fhir, c, BASE), 0, 'nothing new the second time');
      const changed = { ...c, questions: c.questions.map((q, i) => (i === 0 ? { ...q, text: 'Changed text' } : q)) };
      assert.equal(await publishContent(store.fhir, changed, BASE), 0, 'the same version is not published again');
      const q = (await store.fhir.get('Questionnaire', `creak-self-check-${c.version}`)) as fhir4.Questionnaire;
      assert.equal(q.version, c.version);
      assert.ok(!JSON.stringify(q).includes('Changed text'), 'the first form is kept');
    });

    it('finds definitions by canonical URL and version, oldest first, and each by id', opts, async () => {
      const c = content();
      const older = { ...c, version: 'old-1' };
      await publishContent(store.fhir, older, BASE);
      const url = `${BASE}/Questionnaire/creak-self-check`;
      const all = (await store.fhir.search('Questionnaire', { url })) as fhir4.Questionnaire[];
      assert.deepEqual(all.map((x) => x.version), [c.version, 'old-1']);
      const one = (await store.fhir.search('Questionnaire', { url, version: 'old-1' })) as fhir4.Questionnaire[];
      assert.equal(one.length, 1);
      assert.deepEqual(await store.fhir.get('Questionnaire', one[0]?.id ?? ''), one[0]);
      assert.equal(await store.fhir.get('Questionnaire', 'nope'), undefined);
      assert.deepEqual([...(await questionnairesFor(store.fhir, BASE, ['old-1', 'never'])).keys()], ['old-1']);
      const levels = (await store.fhir.search('CodeSystem', { url: `${BASE}/CodeSystem/creak-triage-level` })) as fhir4.CodeSystem[];
      assert.deepEqual(levels.map((x) => x.version).sort(), [c.version, 'old-1'].sort());
    });

    it('refuses another canonical base once one is published', opts, async () => {
      await assert.rejects(publishContent(store.fhir, content(), 'https://elsewhere.example'), CanonicalBaseChanged);
    });

    it('migration 0011 rewrites stored phone numbers to E.164 and leaves anything else as it was', opts, async () => {
      const make = async (phone: string) => (await store.submissions.create(publicContext, {
        name: 'Pat', phone, email: null, bestTime: 'any', message: null, answers: sampleAnswers, outcome: sampleOutcome('soon', ['R1']),
        dueAt: '2026-03-02T13:00:00.000Z', needsEmail: false,
      })).id;
      const national = await make('07700 900123');
      const odd = await make('call my mum');
      await phoneMigration(store.kysely as never);
      const staff = staffContext('00000000-0000-0000-0000-000000000000', 'admin');
      assert.equal((await store.submissions.get(staff, national))?.phone, '+447700900123');
      assert.equal((await store.submissions.get(staff, odd))?.phone, 'call my mum');
    });
  });
}
