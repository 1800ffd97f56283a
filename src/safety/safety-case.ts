// Builds the clinical safety case from the hazard log and live evidence: lint, eval gates, tests, rules, sign-off.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../content/content-problem.js';
import { dayOf } from '../content/article-review.js';
import { lintAll } from '../content/lint-all.js';
import type { LintCheck, LintProblem } from '../content/lint-checks.js';
import type { ClinicalContent } from '../engine/types.js';
import { checkControl, namesIn, type ControlReport, type Evidence } from './controls.js';
import { notRunSuite, runSuite, type EvalGate, type GateResult, type SuiteInput, type SuiteResult } from './eval-gates.js';
import { readHazardLog, startingHazardIds, type Hazard, type HazardStatus } from './hazard-log.js';
import { MAX_RESIDUAL_RATING, riskRating, type RiskRating, type Score } from './risk-matrix.js';
import { readSignoffs, signoffStatus, type SignoffStatus } from './signoffs.js';

/** The engine's safety property tests, listed in the report. */
export const PROPERTY_TESTS_FILE = 'src/engine/properties.test.ts';
/** The project's own vignettes (plain ones; `seeded/` runs only in the tests, as for `creak eval`). */
export const PROJECT_VIGNETTES_DIR = 'test/vignettes';

export interface SafetyCaseOptions {
  /** The repository root: test files, documents and the project's vignettes are read from here. */
  root: string;
  contentDir: string;
  /** The day review dates are judged by. */
  now: Date;
  /** The shared development vignettes (absent on a clean clone: then said so, and their gates are not run). */
  devVignettes: string;
  /** The shared starting hazard log (hazards.md): every hazard in it must be in the log. */
  sharedHazards: string;
  /** Extra vignette files (held-back sets, a clinic's own). */
  extraVignettes: readonly string[];
  /** The running content, when the caller has it (the server); loaded from contentDir otherwise. */
  clinical?: ClinicalContent;
}

/** Where the shared clinical contract lives beside a checkout. */
export function sharedDefaults(root: string): Pick<SafetyCaseOptions, 'devVignettes' | 'sharedHazards'> {
  const shared = join(root, '..', 'shared', 'clinical');
  return { devVignettes: join(shared, 'vignettes', 'dev.yaml'), sharedHazards: join(shared, 'hazards.md') };
}

export interface RiskReport {
  severity: Score;
  likelihood: Score;
  rating: RiskRating;
  reason: string;
}

export interface HazardReport {
  id: string;
  title: string;
  description: string;
  causes: readonly string[];
  harms: readonly string[];
  source: Hazard['source'];
  file: string;
  initial: RiskReport;
  residual: RiskReport;
  status: HazardStatus;
  controls: ControlReport[];
  verifiedControls: number;
  /** Rule ids linked by its controls (for clinician feedback). */
  rules: string[];
}

export interface SafetyCase {
  generatedAt: string;
  /** The day review dates were judged by. */
  today: string;
  contentVersion: string | null;
  signoff: SignoffStatus | null;
  lint: { problems: LintProblem[]; warnings: LintProblem[] };
  eval: SuiteResult[];
  propertyTests: { file: string; names: string[] };
  /** Hazard ids of the shared starting log, or why it could not be read. */
  startingLog: { ids: string[]; note?: string };
  hazards: HazardReport[];
  /** Each reason the safety case fails, in plain words; empty when it passes. */
  failures: string[];
  ok: boolean;
}

function risk(a: Hazard['initial']): RiskReport {
  return { severity: a.severity, likelihood: a.likelihood, rating: riskRating(a.severity, a.likelihood), reason: a.reason };
}

/** The vignette suites to run: the shared development set, the project's own, and any files given. */
export function suiteInputs(o: Pick<SafetyCaseOptions, 'root' | 'devVignettes' | 'extraVignettes'>): SuiteInput[] {
  const projectDir = join(o.root, PROJECT_VIGNETTES_DIR);
  const project = existsSync(projectDir) ? readdirSync(projectDir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(projectDir, f)) : [];
  return [
    existsSync(o.devVignettes)
      ? { suite: 'development', files: [o.devVignettes] }
      : { suite: 'development', files: [], absent: `the development vignettes are absent (${o.devVignettes}): their gates were not run` },
    project.length > 0 ? { suite: 'project', files: project } : { suite: 'project', files: [], absent: `no vignette files in ${PROJECT_VIGNETTES_DIR}` },
    o.extraVignettes.length > 0 ? { suite: 'given', files: o.extraVignettes } : { suite: 'given', files: [], absent: 'no vignette files were given' },
  ];
}

function runSuites(clinical: ClinicalContent | undefined, inputs: readonly SuiteInput[], failures: string[]): SuiteResult[] {
  return inputs.map((input) => {
    if (clinical === undefined) return notRunSuite(input, 'the clinical content did not load');
    try {
      return runSuite(clinical, input);
    } catch (error) {
      failures.push(`${input.suite} vignettes cannot be read: ${(error as Error).message}`);
      return notRunSuite(input, 'the vignette files cannot be read');
    }
  });
}

function hazardReports(hazards: readonly Hazard[], evidence: Evidence, failures: string[]): HazardReport[] {
  return hazards.map((h) => {
    const controls = h.controls.map((c) => checkControl(c, evidence));
    const name = `${h.id} (${h.title})`;
    controls.forEach((c, i) => {
      if (c.status === 'missing') failures.push(`${name}: control ${String(i + 1)} (${c.target}) points at something that does not exist: ${c.detail}`);
    });
    const verified = controls.filter((c) => c.status === 'verified').length;
    if (verified === 0) failures.push(`${name}: no control is verified`);
    const residual = risk(h.residual);
    if (residual.rating > MAX_RESIDUAL_RATING) {
      failures.push(`${name}: residual risk rating ${String(residual.rating)} is above ${String(MAX_RESIDUAL_RATING)} (severity ${String(residual.severity)} × likelihood ${String(residual.likelihood)})`);
    }
    return {
      id: h.id, title: h.title, description: h.description, causes: h.causes, harms: h.harms, source: h.source, file: h.file,
      initial: risk(h.initial), residual, status: h.status, controls, verifiedControls: verified,
      rules: [...new Set(h.controls.flatMap((c) => (c.type === 'rule' ? c.rules : [])))],
    };
  });
}

function startingLog(file: string): SafetyCase['startingLog'] {
  if (!existsSync(file)) return { ids: [], note: `the shared starting hazard log is absent (${file}): not compared` };
  return { ids: startingHazardIds(readFileSync(file, 'utf8')) };
}

/**
 * The clinical safety case (DCB0129): every hazard of the log with its initial and residual risk, and each
 * control checked against the project (see controls.ts), together with the content version and its
 * sign-off, the lint result, the eval gates and the safety property tests. It fails, with a reason each,
 * when a control points at something that does not exist, a hazard has no verified control, a residual
 * rating is above 2, an eval gate fails, the lint finds a problem, or a hazard of the starting log is missing.
 */
export function buildSafetyCase(o: SafetyCaseOptions): SafetyCase {
  const failures: string[] = [];
  const lint = lintAll(o.contentDir, o.now);
  const clinical = o.clinical ?? lint.clinical;
  if (lint.problems.length > 0) failures.push(`the lint found ${String(lint.problems.length)} problem(s): ${lint.problems.map((p) => `${formatProblem(p)} [${p.check}]`).join(' | ')}`);

  const log = readHazardLog(o.contentDir);
  for (const p of log.problems) failures.push(`hazard log: ${formatProblem(p)}`);
  const signoffs = readSignoffs(o.contentDir);
  for (const p of signoffs.problems) failures.push(`sign-offs: ${formatProblem(p)}`);

  const suites = runSuites(clinical, suiteInputs(o), failures);
  const gates = new Map<EvalGate, GateResult>(suites.flatMap((s) => s.gates.map((g) => [g.gate, g] as const)));
  for (const g of gates.values()) if (g.status === 'failed') failures.push(`eval gate ${g.gate} failed: ${g.detail}`);
  const ruleCounts: Record<string, number> = {};
  for (const s of suites.filter((x) => x.suite !== 'given')) {
    for (const [id, n] of Object.entries(s.ruleCounts)) ruleCounts[id] = (ruleCounts[id] ?? 0) + n;
  }
  const lintFailures = new Map<LintCheck, number>();
  for (const p of lint.problems) lintFailures.set(p.check, (lintFailures.get(p.check) ?? 0) + 1);
  const evidence: Evidence = { root: o.root, rules: clinical === undefined ? undefined : new Set(clinical.rules.map((r) => r.id)), ruleCounts, lintFailures, gates };
  const hazards = hazardReports(log.hazards, evidence, failures);

  const starting = startingLog(o.sharedHazards);
  if (log.problems.length === 0) {
    for (const id of starting.ids) if (!hazards.some((h) => h.id === id)) failures.push(`hazard ${id} of the starting hazard log (hazards.md) is not in the hazard log`);
  }
  const propertyFile = join(o.root, PROPERTY_TESTS_FILE);
  return {
    generatedAt: new Date().toISOString(),
    today: dayOf(o.now),
    contentVersion: clinical?.version ?? null,
    signoff: clinical === undefined ? null : signoffStatus(signoffs.signoffs, clinical.version),
    lint: { problems: lint.problems, warnings: lint.warnings },
    eval: suites,
    propertyTests: { file: PROPERTY_TESTS_FILE, names: existsSync(propertyFile) ? [...namesIn(propertyFile)] : [] },
    startingLog: starting,
    hazards,
    failures,
    ok: failures.length === 0,
  };
}
