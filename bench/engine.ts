// Engine benchmark: next-question time over a full back-pain interview and a full run of the dev vignettes,
// against a plain loop over the rules (every rule evaluated once on the final answers) as the baseline.
import { existsSync } from 'node:fs';
import { Bench } from 'tinybench';
import { loadClinicalContent } from '../src/content/clinical-loader.js';
import { truth, T } from '../src/engine/logic.js';
import { closedEnv, buildState } from '../src/engine/state.js';
import { triage } from '../src/engine/index.js';
import { interview } from '../src/engine/test-support.js';
import { simulate } from '../src/eval/simulate.js';
import { loadVignettes } from '../src/eval/vignettes.js';
import type { AnswerValue } from '../src/engine/types.js';

const DEV = '../shared/clinical/vignettes/dev.yaml';

/** Runs the engine benchmarks and prints a table and the ratios. */
export async function benchEngine(): Promise<void> {
  const content = loadClinicalContent();
  // A full back-pain interview (dev-023-like): every intermediate answer set is one next-question call.
  const person: Record<string, AnswerValue> = {
    age_years: 62, body_region: 'lower_back', main_concern: 'noise_and_pain', noise_type: 'single_crack', noise_painful: true,
    pain_score: 6, duration_weeks: 8, trend: 'worse', weight_loss_unexplained: true, walks_short_distances_only: true,
    dresses_slowly: true, neck_shoulder_pain_too: true, worrying_thoughts: true, bothersomeness: 'moderately',
  };
  const { answers } = interview(content, person);
  const steps: Record<string, AnswerValue>[] = [];
  const so: Record<string, AnswerValue> = {};
  for (const [k, v] of Object.entries(answers)) {
    so[k] = v;
    steps.push({ ...so });
  }
  const final = buildState(content, new Map(Object.entries(answers)));
  const vignettes = existsSync(DEV) ? loadVignettes([DEV]) : loadVignettes(['test/vignettes/rules-emergency.yaml']);
  let sink = 0;
  const bench = new Bench({ time: 1500, warmupTime: 300 });
  bench
    .add('baseline: plain loop over the rules (final answers)', () => {
      const env = closedEnv(final);
      for (const r of content.rules) if (truth(r.when, env, content) === T) sink++;
    })
    .add(`next question, full back-pain interview (${String(steps.length)} calls)`, () => {
      for (const s of steps) if (triage(content, s).status === 'question') sink++;
    })
    .add(`all ${String(vignettes.length)} ${existsSync(DEV) ? 'dev' : 'project'} vignettes, simulated end to end`, () => {
      for (const v of vignettes) sink += simulate(content, v).pages;
    });
  await bench.run();
  console.table(bench.table());
  const [base, interviewTask, vignetteTask] = bench.tasks.map((t) => (t.result.state === 'completed' ? t.result.latency.p50 : Number.NaN));
  const perCall = (interviewTask ?? Number.NaN) / steps.length;
  console.log(`engine: next-question median ${(perCall * 1000).toFixed(1)} µs per call (target < 50 µs); ratio to the plain rule loop ${(perCall / (base ?? Number.NaN)).toFixed(1)}x`);
  console.log(`engine: full ${existsSync(DEV) ? 'dev' : 'project'} vignette run median ${(vignetteTask ?? Number.NaN).toFixed(2)} ms (target < 50 ms)`);
  if (sink < 0) console.log(sink);
}
