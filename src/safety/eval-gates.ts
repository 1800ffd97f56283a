// The eval gates of the safety case: `creak eval`'s audit metrics on each vignette suite, and the gates they must pass.
import type { ClinicalContent } from '../engine/types.js';
import { metrics, type Metrics } from '../eval/metrics.js';
import { simulate } from '../eval/simulate.js';
import { readVignetteFile } from '../eval/vignettes.js';

export const EVAL_SUITES = ['development', 'project', 'given'] as const;
export type EvalSuite = (typeof EVAL_SUITES)[number];

/** Every gate, by suite: the development and project sets must match exactly; given files pass `creak eval`'s gates. */
export const EVAL_GATES = {
  'development.no-emergency-under-triage': 'No development vignette that needs an emergency gets a lower level.',
  'development.every-outcome': 'Every development vignette reaches an outcome.',
  'development.all-match': 'Every development vignette gets exactly its expected level.',
  'project.no-emergency-under-triage': 'No project vignette that needs an emergency gets a lower level.',
  'project.every-outcome': 'Every project vignette reaches an outcome.',
  'project.all-match': 'Every project vignette gets exactly its expected level.',
  'given.no-emergency-under-triage': 'No vignette of the files given on the command line that needs an emergency gets a lower level.',
  'given.every-outcome': 'Every vignette of the files given on the command line reaches an outcome.',
} as const;
export type EvalGate = keyof typeof EVAL_GATES;

export function isEvalGate(id: string): id is EvalGate {
  return Object.hasOwn(EVAL_GATES, id);
}

export type GateStatus = 'passed' | 'failed' | 'not-run';

export interface GateResult {
  gate: EvalGate;
  status: GateStatus;
  detail: string;
}

/** What to run for one suite: its files, or why there are none. */
export interface SuiteInput {
  suite: EvalSuite;
  files: readonly string[];
  /** Why the suite is not run (its file is absent, no files were given). */
  absent?: string;
}

export interface SuiteResult {
  suite: EvalSuite;
  files: readonly string[];
  absent?: string;
  /** The policy version a vignette file declares (`version:` at its top), when it does. */
  declaredVersions: number[];
  metrics?: Metrics;
  gates: GateResult[];
  /** How many vignettes each rule helped decide (the rules of their outcome). */
  ruleCounts: Record<string, number>;
}

const ids = (xs: readonly { id: string }[]): string => xs.map((x) => x.id).join(', ');

function gatesFor(suite: EvalSuite, m: Metrics | undefined, why: string): GateResult[] {
  const all = (Object.keys(EVAL_GATES) as EvalGate[]).filter((g) => g.startsWith(`${suite}.`));
  if (m === undefined) return all.map((gate) => ({ gate, status: 'not-run', detail: why }));
  const emergencyUnder = m.mismatches.filter((x) => x.expected === 'emergency');
  const noOutcome = m.mismatches.filter((x) => x.got === 'none');
  return all.map((gate): GateResult => {
    if (gate.endsWith('.no-emergency-under-triage')) {
      return m.emergencyUnder === 0
        ? { gate, status: 'passed', detail: `0 of ${String(m.total)} vignettes: no emergency under-triaged` }
        : { gate, status: 'failed', detail: `${String(m.emergencyUnder)} emergency vignette(s) under-triaged: ${ids(emergencyUnder)}` };
    }
    if (gate.endsWith('.every-outcome')) {
      return m.noOutcome === 0
        ? { gate, status: 'passed', detail: `all ${String(m.total)} vignettes reached an outcome` }
        : { gate, status: 'failed', detail: `${String(m.noOutcome)} vignette(s) reached no outcome: ${ids(noOutcome)}` };
    }
    return m.mismatches.length === 0
      ? { gate, status: 'passed', detail: `all ${String(m.total)} vignettes matched` }
      : { gate, status: 'failed', detail: `${String(m.mismatches.length)} of ${String(m.total)} vignettes did not match: ${m.mismatches.map((x) => `${x.id} expected ${x.expected}, got ${x.got}`).join('; ')}` };
  });
}

/** A suite that was not run, and why: its gates are "not run". */
export function notRunSuite(input: SuiteInput, why: string): SuiteResult {
  return { suite: input.suite, files: input.files, ruleCounts: {}, absent: why, declaredVersions: [], gates: gatesFor(input.suite, undefined, why) };
}

/** Runs one suite with the simulated person of `creak eval` and judges its gates. Throws if a file cannot be read. */
export function runSuite(content: ClinicalContent, input: SuiteInput): SuiteResult {
  if (input.absent !== undefined || input.files.length === 0) return notRunSuite(input, input.absent ?? 'no files');
  const base = { suite: input.suite, files: input.files, ruleCounts: {} as Record<string, number> };
  const read = input.files.map(readVignetteFile);
  const runs = read.flatMap((f) => f.vignettes).map((v) => simulate(content, v));
  const m = metrics(runs);
  for (const run of runs) for (const r of run.outcome?.rules ?? []) base.ruleCounts[r.id] = (base.ruleCounts[r.id] ?? 0) + 1;
  const declaredVersions = read.flatMap((f) => (f.version === undefined ? [] : [f.version]));
  return { ...base, declaredVersions, metrics: m, gates: gatesFor(input.suite, m, '') };
}
