// The check driven as an SDC form filler would (test/fhir/sdc-client.ts) against the JSON API's answer for the same
// person, on every shared development vignette and every project vignette; run with the clinic on SQLite and PostgreSQL.
import { LEVELS } from '../../src/engine/types.js';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { OpenDatabaseOptions } from '../../src/db/database.js';
import { personAnswers } from '../../src/engine/index.js';
import type { AnswerValue, QuestionView } from '../../src/engine/types.js';
import { loadVignettes, type Vignette } from '../../src/eval/vignettes.js';
import { assertValidFhir } from '../clinic/helpers/fhir-validate.js';
import { content, startHarness, type Harness } from '../clinic/helpers/harness.js';
import { runAdaptive, type AdaptiveRun } from '../../src/fhir/sdc/test-support.js';

const SHARED = '../shared/clinical/vignettes/dev.yaml';
const PROJECT = 'test/vignettes';

export interface SdcBackend {
  name: string;
  skip: () => Promise<string | false>;
  database?: () => { options: Partial<OpenDatabaseOptions>; cleanup: () => Promise<void> };
}

interface ApiRun {
  level: string;
  asked: string[];
}

/** The JSON API driven by the same person: stateless, every answer sent each time, each finding answered as listed. */
async function runApi(h: Harness, v: Vignette): Promise<ApiRun> {
  const answerOf = personAnswers(content(), v.findings);
  const answers: Record<string, AnswerValue> = {};
  const asked: string[] = [];
  for (let step = 0; step < 100; step++) {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/triage', payload: { answers } });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ status: string; question?: QuestionView; outcome?: { level: string } }>();
    if (body.status === 'outcome') return { level: body.outcome?.level ?? '', asked };
    if (body.status !== 'question' || body.question === undefined) return { level: body.status, asked };
    const q = body.question;
    asked.push(q.kind === 'multi' ? q.id : (q.finding ?? q.id));
    for (const f of q.findings) answers[f] = answerOf(f);
  }
  throw new Error(`${v.id}: no outcome from the JSON API`);
}

export function sdcSuite(backend: SdcBackend): void {
  describe(`the SDC adaptive check against the JSON API (clinic on ${backend.name})`, async () => {
    const skipReason = await backend.skip();
    const db = skipReason === false ? backend.database?.() : undefined;
    let h: Harness;
    const post = async (body: unknown) => {
      const res = await h.app.inject({ method: 'POST', url: '/fhir/Questionnaire/$next-question', payload: JSON.stringify(body), headers: { 'content-type': 'application/fhir+json' } });
      return { status: res.statusCode, body: res.json<unknown>() };
    };
    before(async () => {
      if (skipReason === false) h = await startHarness(db === undefined ? {} : { database: db.options });
    });
    after(async () => {
      if (skipReason !== false) return;
      await h.close();
      await db?.cleanup();
    });

    /**
     * Runs each vignette both ways. Where the person is sure of every answer, the level must agree exactly. Where they
     * are unsure of one statement on a "tick all that apply" page, the form (like the web page) can only say "I'm not
     * sure" beside the ticked ones, which leaves every unticked statement of that page unsure: the level may then be
     * more urgent than the JSON API's, answered finding by finding, but never less urgent.
     */
    async function compare(vignettes: readonly Vignette[]): Promise<AdaptiveRun[]> {
      const runs: AdaptiveRun[] = [];
      const differ: string[] = [];
      let samePath = 0;
      let higher = 0;
      for (const v of vignettes) {
        const sdc = await runAdaptive(post, v.findings);
        const api = await runApi(h, v);
        const unsure = Object.values(v.findings).includes('unknown');
        const rank = (l: string): number => (LEVELS as readonly string[]).indexOf(l);
        if (unsure && sdc.level !== api.level && rank(sdc.level) > rank(api.level)) higher++;
        else if (sdc.level !== api.level) differ.push(`${v.id}: SDC ${sdc.level}, JSON API ${api.level}`);
        if (sdc.asked.join(' ') === api.asked.join(' ')) samePath++;
        runs.push(sdc);
      }
      console.log(`SDC vs JSON API: ${vignettes.length} vignettes, ${vignettes.length - differ.length - higher} at the same level, ${higher} more urgent (an unsure statement on a grouped page), ${samePath} by the same questions`);
      assert.deepEqual(differ, [], 'the adaptive check must reach the JSON API\'s level, or with an unsure answer a more urgent one');
      return runs;
    }

    const sharedSkip = skipReason !== false ? skipReason : existsSync(SHARED) ? false : `the shared vignettes (${SHARED}) are not beside this checkout`;
    it('reaches the JSON API\'s level on every shared development vignette', { skip: sharedSkip, timeout: 600_000 }, async () => {
      await compare(loadVignettes([SHARED]));
    });

    it('reaches the JSON API\'s level on every project vignette, with valid FHIR on the way', { skip: skipReason, timeout: 600_000 }, async () => {
      const files = readdirSync(PROJECT).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(PROJECT, f));
      const runs = await compare(loadVignettes(files));
      // The validator is slow (about half a second a resource): every response of one run, and the end of one run per level.
      const byLevel = new Map(runs.map((r) => [r.level, r]));
      for (const response of runs[0]?.responses ?? []) assertValidFhir(response);
      for (const run of byLevel.values()) assertValidFhir(run.final);
      assert.ok(byLevel.size >= 5, `runs ended at only ${[...byLevel.keys()].join(', ')}`);
    });
  });
}
