// Three-valued evaluation of rule conditions (true / false / unknown), and which unknowns still matter.
import type { ClinicalContent, Condition, DerivationDef, RiskGroup } from './types.js';

/** A truth value: false, true, or unknown (could go either way). */
export const F = 0;
export const T = 1;
export const U = 2;
export type Truth = typeof F | typeof T | typeof U;

/** A finding's value for evaluation: a known answer, FREE (could be anything), or ABSENT (not asked: "no"). */
export const FREE = Symbol('free');
export const ABSENT = Symbol('absent');
export type Slot = boolean | number | string | typeof FREE | typeof ABSENT;
export type Env = (finding: string) => Slot;

/** Evaluates a condition in three-valued (Kleene) logic. */
export function truth(c: Condition, env: Env, content: ClinicalContent): Truth {
  switch (c.kind) {
    case 'true': {
      const v = env(c.finding);
      return v === FREE ? U : v === true ? T : F;
    }
    case 'compare': {
      const v = env(c.finding);
      if (v === FREE) return U;
      if (v === ABSENT) return F;
      return compare(v, c.op, c.value) ? T : F;
    }
    case 'in': {
      const v = env(c.finding);
      if (v === FREE) return U;
      return typeof v === 'string' && c.values.includes(v) ? T : F;
    }
    case 'all': {
      let result: Truth = T;
      for (const x of c.of) {
        const t = truth(x, env, content);
        if (t === F) return F;
        if (t === U) result = U;
      }
      return result;
    }
    case 'any': {
      let result: Truth = F;
      for (const x of c.of) {
        const t = truth(x, env, content);
        if (t === T) return T;
        if (t === U) result = U;
      }
      return result;
    }
    case 'not': {
      const t = truth(c.of, env, content);
      return t === U ? U : t === T ? F : T;
    }
    case 'atLeast': {
      let yes = 0;
      let maybe = 0;
      for (const x of c.of) {
        const t = truth(x, env, content);
        if (t === T) yes++;
        else if (t === U) maybe++;
      }
      return yes >= c.count ? T : yes + maybe < c.count ? F : U;
    }
    case 'def': {
      const d = content.definitions.get(c.name);
      return d ? truth(d, env, content) : F;
    }
    case 'riskGroup': {
      const possible = possibleRiskGroups(env, content);
      const inside = possible.filter((g) => c.groups.includes(g)).length;
      return inside === 0 ? F : inside === possible.length ? T : U;
    }
  }
}

function compare(v: boolean | number | string, op: 'eq' | 'ne' | 'gte' | 'gt' | 'lte' | 'lt', value: number | string): boolean {
  switch (op) {
    case 'eq': return v === value;
    case 'ne': return v !== value;
    case 'gte': return typeof v === 'number' && typeof value === 'number' && v >= value;
    case 'gt': return typeof v === 'number' && typeof value === 'number' && v > value;
    case 'lte': return typeof v === 'number' && typeof value === 'number' && v <= value;
    case 'lt': return typeof v === 'number' && typeof value === 'number' && v < value;
  }
}

/**
 * Adds to `out` the FREE findings that could still change an unknown condition: only those inside parts
 * that are themselves unknown (a part already decided needs no more answers).
 */
export function openFindings(c: Condition, env: Env, content: ClinicalContent, out: Set<string>): void {
  switch (c.kind) {
    case 'true':
    case 'compare':
    case 'in':
      if (env(c.finding) === FREE) out.add(c.finding);
      return;
    case 'all':
    case 'any':
    case 'atLeast':
      for (const x of c.of) if (truth(x, env, content) === U) openFindings(x, env, content, out);
      return;
    case 'not':
      openFindings(c.of, env, content, out);
      return;
    case 'def': {
      const d = content.definitions.get(c.name);
      if (d) openFindings(d, env, content, out);
      return;
    }
    case 'riskGroup': {
      const r = content.riskScore;
      for (const f of [...r.items, r.bothersome.finding]) if (env(f) === FREE) out.add(f);
      return;
    }
  }
}

/** The findings (with answers) that make a true condition true: the evidence shown to the person. */
export function witnesses(c: Condition, env: Env, content: ClinicalContent, out: Set<string>): void {
  switch (c.kind) {
    case 'true':
    case 'compare':
    case 'in':
      out.add(c.finding);
      return;
    case 'all':
      for (const x of c.of) witnesses(x, env, content, out);
      return;
    case 'any':
    case 'atLeast':
      for (const x of c.of) if (truth(x, env, content) === T) witnesses(x, env, content, out);
      return;
    case 'not':
      mentioned(c.of, content, out, env);
      return;
    case 'def': {
      const d = content.definitions.get(c.name);
      if (d) witnesses(d, env, content, out);
      return;
    }
    case 'riskGroup': {
      const r = content.riskScore;
      for (const f of r.items) if (env(f) === true) out.add(f);
      const b = env(r.bothersome.finding);
      if (typeof b === 'string') out.add(r.bothersome.finding);
      return;
    }
  }
}

/** Every finding a condition mentions that has an answer (for the evidence of a "not" part). */
function mentioned(c: Condition, content: ClinicalContent, out: Set<string>, env: Env): void {
  for (const f of conditionFindings(c, content)) {
    const v = env(f);
    if (v !== FREE && v !== ABSENT) out.add(f);
  }
}

/** What a derivation reads: an age and a duration (onset), or the findings of its condition (value). */
export function derivationInputs(d: DerivationDef, content: ClinicalContent, out = new Set<string>()): Set<string> {
  if (d.kind === 'onset') {
    out.add(d.age);
    out.add(d.durationWeeks);
  } else {
    conditionFindings(d.when, content, out);
  }
  return out;
}

/** Every finding a condition mentions, through definitions and lists. */
export function conditionFindings(c: Condition, content: ClinicalContent, out = new Set<string>()): Set<string> {
  switch (c.kind) {
    case 'true':
    case 'compare':
    case 'in':
      out.add(c.finding);
      break;
    case 'all':
    case 'any':
    case 'atLeast':
      for (const x of c.of) conditionFindings(x, content, out);
      break;
    case 'not':
      conditionFindings(c.of, content, out);
      break;
    case 'def': {
      const d = content.definitions.get(c.name);
      if (d) conditionFindings(d, content, out);
      break;
    }
    case 'riskGroup':
      for (const f of [...content.riskScore.items, content.riskScore.bothersome.finding]) out.add(f);
      break;
  }
  return out;
}

/** The risk group for a total and a psychosocial subscore (rules.md: STarT Back scoring). */
export function riskGroupOf(total: number, psychosocial: number): RiskGroup {
  if (psychosocial >= 4) return 'high';
  return total <= 3 ? 'low' : 'medium';
}

/** Counts of the risk topics: definitely present, and could be present (FREE). */
export function riskCounts(env: Env, content: ClinicalContent): { physical: [number, number]; psycho: [number, number] } {
  const r = content.riskScore;
  const physical: [number, number] = [0, 0];
  const psycho: [number, number] = [0, 0];
  for (const f of r.items) {
    const v = env(f);
    const into = r.psychosocial.includes(f) ? psycho : physical;
    if (v === FREE) into[1]++;
    else if (v === true) {
      into[0]++;
      into[1]++;
    }
  }
  const b = env(r.bothersome.finding);
  if (b === FREE) psycho[1]++;
  else if (typeof b === 'string' && r.bothersome.values.includes(b)) {
    psycho[0]++;
    psycho[1]++;
  }
  return { physical, psycho };
}

const GROUPS: readonly RiskGroup[] = ['low', 'medium', 'high'];

/** The risk groups still possible given the answers (FREE topics could go either way). */
export function possibleRiskGroups(env: Env, content: ClinicalContent): RiskGroup[] {
  const { physical, psycho } = riskCounts(env, content);
  let low = false;
  let medium = false;
  let high = false;
  for (let s = psycho[0]; s <= psycho[1]; s++) {
    for (let p = physical[0]; p <= physical[1]; p++) {
      const g = riskGroupOf(p + s, s);
      if (g === 'low') low = true;
      else if (g === 'medium') medium = true;
      else high = true;
    }
  }
  return GROUPS.filter((g) => (g === 'low' ? low : g === 'medium' ? medium : high));
}
