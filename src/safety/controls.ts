// Checks each hazard control against the project itself: the rule exists and fires, the check exists and passes, the test exists, the gate passes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLintCheck, type LintCheck } from '../content/lint-checks.js';
import { isEvalGate, type EvalGate, type GateResult } from './eval-gates.js';
import type { Control } from './hazard-log.js';
import { testNames } from './test-names.js';

/**
 * verified: the target exists and its evidence holds; missing: the target does not exist (the safety case
 * fails); failed: the target exists and its evidence fails (a gate, a lint check); not-run: its evidence
 * could not be gathered here (the development vignettes are absent); unexercised: a rule that exists but no
 * vignette shows firing.
 */
export type ControlStatus = 'verified' | 'missing' | 'failed' | 'not-run' | 'unexercised';

export interface ControlReport {
  type: Control['type'];
  /** What it links to, in words: "rules E1, E2", "check clinical.rule-never-fires", "test <file>: <name>". */
  target: string;
  description: string;
  status: ControlStatus;
  detail: string;
}

/** What the controls are checked against. */
export interface Evidence {
  root: string;
  /** Rule ids of the content, or undefined when it did not load. */
  rules: ReadonlySet<string> | undefined;
  /** How many vignettes each rule helped decide, over the development and project suites. */
  ruleCounts: Readonly<Record<string, number>>;
  /** Problems the lint reported, per check. */
  lintFailures: ReadonlyMap<LintCheck, number>;
  gates: ReadonlyMap<EvalGate, GateResult>;
}

const namesCache = new Map<string, readonly string[]>();

/** The literal test names of a file of the repository (read once per process and file). */
export function namesIn(file: string): readonly string[] {
  let names = namesCache.get(file);
  if (names === undefined) {
    names = testNames(readFileSync(file, 'utf8'));
    namesCache.set(file, names);
  }
  return names;
}

const normal = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The Markdown headings of a document, normalised. */
function headings(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((m) => normal(m[1] ?? ''));
}

function testControl(root: string, file: string, name: string, target: string, description: string, type: Control['type']): ControlReport {
  const base = { type, target, description };
  const path = join(root, file);
  if (!existsSync(path)) return { ...base, status: 'missing', detail: `the test file ${file} does not exist` };
  return namesIn(path).includes(name)
    ? { ...base, status: 'verified', detail: `${file} has the test "${name}" (run by npm test)` }
    : { ...base, status: 'missing', detail: `${file} has no test named "${name}"` };
}

/** Checks one control; never throws on a bad target (that is a result, not an error). */
export function checkControl(c: Control, e: Evidence): ControlReport {
  switch (c.type) {
    case 'rule': {
      const base = { type: c.type, target: `rules ${c.rules.join(', ')}`, description: c.description };
      if (e.rules === undefined) return { ...base, status: 'not-run', detail: 'the clinical content did not load' };
      const missing = c.rules.filter((id) => !e.rules?.has(id));
      if (missing.length > 0) return { ...base, status: 'missing', detail: `no rule ${missing.join(', ')} in the clinical content` };
      const fired = c.rules.map((id) => `${id} ×${String(e.ruleCounts[id] ?? 0)}`);
      const silent = c.rules.filter((id) => (e.ruleCounts[id] ?? 0) === 0);
      return silent.length === 0
        ? { ...base, status: 'verified', detail: `in the content; vignettes decided by each: ${fired.join(', ')}` }
        : { ...base, status: 'unexercised', detail: `in the content, but no vignette shows ${silent.join(', ')} firing` };
    }
    case 'check': {
      const base = { type: c.type, target: `check ${c.check}`, description: c.description };
      if (!isLintCheck(c.check)) return { ...base, status: 'missing', detail: `no lint check has the id ${c.check} (see src/content/lint-checks.ts)` };
      const failures = e.lintFailures.get(c.check) ?? 0;
      return failures === 0
        ? { ...base, status: 'verified', detail: 'the lint runs this check and it finds no problem' }
        : { ...base, status: 'failed', detail: `the lint reports ${String(failures)} problem(s) of this check` };
    }
    case 'test':
      return testControl(e.root, c.file, c.name, `test ${c.file}: ${c.name}`, c.description, c.type);
    case 'feature':
      return testControl(e.root, c.file, c.name, `feature shown by ${c.file}: ${c.name}`, c.feature, c.type);
    case 'eval': {
      const base = { type: c.type, target: `eval gate ${c.gate}`, description: c.description };
      if (!isEvalGate(c.gate)) return { ...base, status: 'missing', detail: `no eval gate has the id ${c.gate}` };
      const result = e.gates.get(c.gate);
      if (result === undefined || result.status === 'not-run') return { ...base, status: 'not-run', detail: result?.detail ?? 'not run' };
      return { ...base, status: result.status === 'passed' ? 'verified' : 'failed', detail: result.detail };
    }
    case 'document': {
      const base = { type: c.type, target: `document ${c.file}: ${c.section}`, description: c.description };
      const path = join(e.root, c.file);
      if (!existsSync(path)) return { ...base, status: 'missing', detail: `the document ${c.file} does not exist` };
      return headings(path).includes(normal(c.section))
        ? { ...base, status: 'verified', detail: `${c.file} has the section "${c.section}"` }
        : { ...base, status: 'missing', detail: `${c.file} has no heading "${c.section}"` };
    }
  }
}
