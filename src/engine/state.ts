// The answers as the rules see them: in-region answers, derived findings, unsure answers, and views for evaluation.
import { ABSENT, FREE, T, truth, type Env } from './logic.js';
import { compiled } from './compiled.js';
import { UNKNOWN, recheckId, recheckOf } from './types.js';
import type { AnswerValue, ClinicalContent } from './types.js';

export interface State {
  region: string | undefined;
  /** Known answers (explicit or derived), without "unknown" ones. */
  known: ReadonlyMap<string, boolean | number | string>;
  /** Findings answered "I'm not sure" (and still unsure after being asked again, if they were). */
  unsure: ReadonlySet<string>;
  /** Findings worked out from other answers (safety principle 6). */
  derived: ReadonlySet<string>;
  /** Every answer given, before region filtering (recheck answers included). */
  answers: ReadonlyMap<string, AnswerValue>;
}

/**
 * Builds the state: answers outside the person's region are ignored; derivable findings are derived (an explicit
 * answer wins); an unsure answer asked again on its own (principle 2b) takes the yes or no given then.
 */
export function buildState(content: ClinicalContent, answers: ReadonlyMap<string, AnswerValue>): State {
  const regionAnswer = answers.get('body_region');
  const region = typeof regionAnswer === 'string' && regionAnswer !== UNKNOWN ? regionAnswer : undefined;
  const allowed = region === undefined ? undefined : compiled(content).regionFindings(region);
  const known = new Map<string, boolean | number | string>();
  const unsure = new Set<string>();
  for (const [id, value] of answers) {
    if (isRecheck(content, id)) continue;
    if (allowed && !allowed.has(id)) continue;
    if (value !== UNKNOWN) known.set(id, value);
    else {
      const again = answers.get(recheckId(id));
      if (again === undefined || again === UNKNOWN) unsure.add(id);
      else if (content.findings.get(id)?.type === 'boolean') known.set(id, again === 'yes');
      else known.set(id, again);
    }
  }
  const derived = new Set<string>();
  const env: Env = (f) => known.get(f) ?? ABSENT;
  for (const d of content.derivations) {
    if (answers.has(d.finding) || (allowed && !allowed.has(d.finding))) continue;
    if (d.kind === 'value') {
      if (truth(d.when, env, content) !== T) continue;
      known.set(d.finding, d.value);
    } else {
      const age = known.get(d.age);
      const weeks = known.get(d.durationWeeks);
      if (typeof age !== 'number' || typeof weeks !== 'number') continue;
      known.set(d.finding, age - weeks / 52.18 < d.onsetBeforeAge);
    }
    derived.add(d.finding);
  }
  return { region, known, unsure, derived, answers };
}

function isRecheck(content: ClinicalContent, id: string): boolean {
  return recheckOf(content.findings.get(id)) !== undefined;
}

/** Unasked findings count as "no"; unsure ones take `assign`'s value, else stay open. */
export function closedEnv(state: State, assign?: ReadonlyMap<string, boolean | number | string>): Env {
  return (f) => {
    const v = state.known.get(f);
    if (v !== undefined) return v;
    if (state.unsure.has(f)) return assign?.get(f) ?? FREE;
    return ABSENT;
  };
}

/** Unasked and unsure findings are both open: what could still happen if we asked more. */
export function openEnv(state: State): Env {
  return (f) => state.known.get(f) ?? FREE;
}

/** Whether a finding has been answered (explicitly, as unsure, or by derivation). */
export function isAnswered(state: State, finding: string): boolean {
  return state.known.has(finding) || state.unsure.has(finding);
}
