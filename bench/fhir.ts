// FHIR benchmark: one whole check through SDC $next-question against the same check through POST /api/v1/triage
// (the baseline), in process; and a page of 50 sent results as a searchset against the staff's Bundle export of them.
import { Bench } from 'tinybench';
import { newApiKey } from '../src/clinic/api/api-auth.js';
import { personAnswers } from '../src/engine/index.js';
import type { AnswerValue, QuestionView } from '../src/engine/types.js';
import { staffContext } from '../src/db/context.js';
import { runAdaptive } from '../src/fhir/sdc/test-support.js';
import { completeAnswers } from '../test/clinic/helpers/answers.js';
import { addStaff, Client, content, startHarness } from '../test/clinic/helpers/harness.js';
import { sendResult } from '../test/clinic/helpers/send-helper.js';

const PERSON = { age_years: 62, body_region: 'lower_back', main_concern: 'noise_and_pain', pain_score: 6, duration_weeks: 8, trend: 'worse' };

/** Runs the FHIR benchmarks and prints a table and the ratios. */
export async function benchFhir(): Promise<void> {
  const h = await startHarness({ settings: { sendLimit: { max: 100_000, windowMs: 60_000 } } });
  const app = h.app;
  const sdc = async (body: unknown) => {
    const res = await app.inject({ method: 'POST', url: '/fhir/Questionnaire/$next-question', payload: JSON.stringify(body), headers: { 'content-type': 'application/fhir+json' } });
    return { status: res.statusCode, body: res.json<unknown>() };
  };
  const answerOf = personAnswers(content(), PERSON);
  const api = async () => {
    const answers: Record<string, AnswerValue> = {};
    for (;;) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/triage', payload: { answers } });
      const body = res.json<{ status: string; question?: QuestionView }>();
      if (body.status !== 'question' || body.question === undefined) return;
      for (const f of body.question.findings) answers[f] = answerOf(f);
    }
  };
  const steps = (await runAdaptive(sdc, PERSON)).responses.length;

  const adminId = await addStaff(h, 'bench@example.com', 'admin');
  const person = new Client(h.app);
  const self = completeAnswers(content(), { age_years: 40, body_region: 'knee', main_concern: 'noise_only' });
  for (let i = 0; i < 50; i++) await sendResult(person, self.answers, { name: `Bench ${i}` });
  const { key, hash } = newApiKey();
  await h.clinic.ctx.store.apiClients.create(staffContext(adminId, 'admin'), 'Bench', hash);
  const admin = new Client(h.app);
  await admin.login('bench@example.com');

  const bench = new Bench({ time: 3000, warmupTime: 500 });
  bench
    .add(`baseline: whole check via POST /api/v1/triage (${String(steps)} requests)`, api)
    .add(`whole check via $next-question (${String(steps)} requests)`, async () => { await runAdaptive(sdc, PERSON); })
    .add('baseline: staff Bundle export of 50 results', async () => { await admin.get('/clinic/export/bundle.json?status=all'); })
    .add('searchset of 50 results with includes (API key)', async () => {
      await app.inject({ url: '/fhir/QuestionnaireResponse?_count=50', headers: { authorization: `Bearer ${key}` } });
    });
  await bench.run();
  console.table(bench.table());
  const [apiRun, sdcRun, exportRun, searchRun] = bench.tasks.map((t) => (t.result.state === 'completed' ? t.result.latency.p50 : Number.NaN));
  console.log(`fhir: whole check via $next-question ${(sdcRun ?? Number.NaN).toFixed(1)} ms median, ${((sdcRun ?? Number.NaN) / (apiRun ?? Number.NaN)).toFixed(1)}x the JSON API (${(apiRun ?? Number.NaN).toFixed(1)} ms)`);
  console.log(`fhir: searchset of 50 ${(searchRun ?? Number.NaN).toFixed(1)} ms median, ${((searchRun ?? Number.NaN) / (exportRun ?? Number.NaN)).toFixed(1)}x the staff Bundle export (${(exportRun ?? Number.NaN).toFixed(1)} ms)`);
  await h.close();
}
