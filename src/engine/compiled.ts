// Facts worked out once per content object: rule ranks, number test points, what each region can ask.
import { conditionFindings, derivationInputs, truth, F, FREE, T, type Env } from './logic.js';
import { levelRank } from './types.js';
import type { ClinicalContent, Condition, FindingDef, QuestionDef, RuleDef } from './types.js';

export interface Compiled {
  rank: ReadonlyMap<string, number>;
  /** Values to try for a finding when working out best and worst cases (every region of every threshold). */
  domain: (finding: string) => readonly (boolean | number | string)[];
  /** Findings that matter for a region: mentioned by a rule, score or question that can apply there. */
  regionFindings: (region: string) => ReadonlySet<string>;
  /** Yes/no findings that a rule of level soon or above names directly: the red flags. */
  redFlags: ReadonlySet<string>;
  /** The rules that can apply to a region (all rules while the region is not known). */
  regionRules: (region: string | undefined) => readonly RuleDef[];
  /** For each finding, the index of the question that asks it. */
  questionOf: ReadonlyMap<string, number>;
  /** For each asked finding, its place in the clinical order of questions.yaml (question, then option). */
  order: ReadonlyMap<string, number>;
  /** Yes/no findings with a statement form, which may share a "Do any of these apply?" page. */
  groupable: ReadonlySet<string>;
  /** Findings that are asked again on their own after "I'm not sure" (principle 2b). */
  clarifiable: ReadonlySet<string>;
  /** Questions asked for context (ask_when), and those asking a required finding. */
  contextQuestions: readonly QuestionDef[];
  requiredQuestions: readonly QuestionDef[];
}

const cache = new WeakMap<ClinicalContent, Compiled>();

/** The compiled facts for a content object (computed once, then cached). */
export function compiled(content: ClinicalContent): Compiled {
  let c = cache.get(content);
  if (!c) {
    c = compile(content);
    cache.set(content, c);
  }
  return c;
}

function compile(content: ClinicalContent): Compiled {
  const rank = new Map(content.rules.map((r) => [r.id, levelRank(r.level)]));
  const thresholds = new Map<string, Set<number>>();
  const collect = (c: Condition): void => {
    switch (c.kind) {
      case 'compare':
        if (typeof c.value === 'number') {
          const set = thresholds.get(c.finding) ?? new Set<number>();
          set.add(c.value);
          thresholds.set(c.finding, set);
        }
        return;
      case 'all':
      case 'any':
      case 'atLeast':
        c.of.forEach(collect);
        return;
      case 'not':
        collect(c.of);
        return;
      case 'true':
      case 'in':
      case 'def':
      case 'riskGroup':
        return;
    }
  };
  content.rules.forEach((r) => { collect(r.when); });
  content.definitions.forEach(collect);
  const domains = new Map<string, readonly (boolean | number | string)[]>();
  for (const def of content.findings.values()) domains.set(def.id, domainOf(def, thresholds.get(def.id)));

  const perRegion = new Map<string, ReadonlySet<string>>();
  const regionFindings = (region: string): ReadonlySet<string> => {
    let set = perRegion.get(region);
    if (!set) {
      set = findingsFor(content, region);
      perRegion.set(region, set);
    }
    return set;
  };
  const redFlags = new Set<string>();
  for (const r of content.rules) {
    if (levelRank(r.level) < levelRank('soon')) continue;
    directBooleans(r.when, content, redFlags);
  }
  const rulesPerRegion = new Map<string, readonly RuleDef[]>();
  const regionRules = (region: string | undefined): readonly RuleDef[] => {
    if (region === undefined) return content.rules;
    let list = rulesPerRegion.get(region);
    if (!list) {
      list = content.rules.flatMap((r) => {
        const when = specialise(r.when, region, content);
        return when === false ? [] : [{ ...r, when: when === true ? ALWAYS : when }];
      });
      rulesPerRegion.set(region, list);
    }
    return list;
  };
  const questionOf = new Map<string, number>();
  const order = new Map<string, number>();
  const groupable = new Set<string>();
  const clarifiable = new Set<string>();
  content.questions.forEach((q, i) => {
    q.findings.forEach((f, k) => {
      questionOf.set(f, i);
      order.set(f, i * 100 + k);
    });
    const only = q.findings[0];
    if (only === undefined) return;
    if (q.kind === 'boolean' && q.label !== undefined && content.findings.get(only)?.required !== true) groupable.add(only);
    if ((q.kind === 'boolean' || q.kind === 'choice') && q.clarify !== undefined) clarifiable.add(only);
  });
  return {
    rank, domain: (f) => domains.get(f) ?? [true, false], regionFindings, redFlags, regionRules, questionOf, order, groupable, clarifiable,
    contextQuestions: content.questions.filter((q) => q.askWhen !== undefined),
    requiredQuestions: content.questions.filter((q) => q.findings.some((f) => content.findings.get(f)?.required === true)),
  };
}

function domainOf(def: FindingDef, cuts: ReadonlySet<number> | undefined): readonly (boolean | number | string)[] {
  switch (def.type) {
    case 'boolean': return [true, false];
    case 'choice': return def.values;
    case 'number': {
      const step = def.integer ? 1 : 0.001;
      const points = new Set<number>([def.min, def.max]);
      for (const t of cuts ?? []) for (const p of [t - step, t, t + step]) if (p >= def.min && p <= def.max) points.add(p);
      return [...points].sort((a, b) => a - b);
    }
  }
}

/** Findings a region can need: everything mentioned by a rule (or score, question, derivation) not ruled out by the region alone. */
function findingsFor(content: ClinicalContent, region: string): Set<string> {
  const env: Env = (f) => (f === 'body_region' ? region : FREE);
  const possible = (c: Condition): boolean => truth(c, env, content) !== F;
  const out = new Set<string>();
  for (const def of content.findings.values()) if (def.required) out.add(def.id);
  for (const r of content.rules) if (possible(r.when)) conditionFindings(r.when, content, out);
  if (possible(content.riskScore.appliesWhen)) {
    for (const f of [...content.riskScore.items, content.riskScore.bothersome.finding]) out.add(f);
  }
  for (const q of content.questions) {
    if (q.askWhen && possible(q.askWhen)) for (const f of q.findings) out.add(f);
  }
  for (const d of content.derivations) if (out.has(d.finding)) derivationInputs(d, content, out);
  return out;
}

function directBooleans(c: Condition, content: ClinicalContent, out: Set<string>): void {
  switch (c.kind) {
    case 'true':
      if (content.findings.get(c.finding)?.type === 'boolean') out.add(c.finding);
      return;
    case 'all':
    case 'any':
    case 'atLeast':
      for (const x of c.of) directBooleans(x, content, out);
      return;
    case 'compare':
    case 'in':
    case 'not':
    case 'def':
    case 'riskGroup':
      return;
  }
}

const ALWAYS: Condition = { kind: 'all', of: [] };

/**
 * The condition with the region known: parts that depend only on body_region become true or false and drop out,
 * so each question is decided by the fewest steps. Returns true or false when the region alone decides it.
 */
function specialise(c: Condition, region: string, content: ClinicalContent): Condition | boolean {
  switch (c.kind) {
    case 'compare':
    case 'in':
      if (c.finding !== 'body_region') return c;
      return truth(c, (f) => (f === 'body_region' ? region : FREE), content) === T;
    case 'true':
    case 'riskGroup':
      return c;
    case 'def': {
      const d = content.definitions.get(c.name);
      if (!d) return false;
      const inner = specialise(d, region, content);
      return typeof inner === 'boolean' || inner === d ? (typeof inner === 'boolean' ? inner : c) : inner;
    }
    case 'not': {
      const inner = specialise(c.of, region, content);
      return typeof inner === 'boolean' ? !inner : { kind: 'not', of: inner };
    }
    case 'all':
    case 'any': {
      const decisive = c.kind === 'any';
      const kept: Condition[] = [];
      for (const x of c.of) {
        const y = specialise(x, region, content);
        if (y === decisive) return decisive;
        if (typeof y !== 'boolean') kept.push(y);
      }
      if (kept.length === 0) return !decisive;
      return kept.length === 1 && kept[0] ? kept[0] : { kind: c.kind, of: kept };
    }
    case 'atLeast': {
      const of = c.of.map((x) => specialise(x, region, content));
      const yes = of.filter((x) => x === true).length;
      const rest = of.filter((x): x is Condition => typeof x !== 'boolean');
      if (yes >= c.count) return true;
      if (yes + rest.length < c.count) return false;
      return { kind: 'atLeast', count: c.count - yes, of: rest };
    }
  }
}
