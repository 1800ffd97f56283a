// When the check can ask each finding, worked out from the content alone: the basis of the Questionnaire's enableWhen.
//
// The engine asks the required findings first (age, region, main concern: the "gates"), stops under the minimum age
// and on a certain emergency, and afterwards asks a finding only while a rule, the risk score or a context question
// that mentions it is still undecided. So for every combination of gate answers this module works out which findings
// the engine could still ask (a sound over-approximation: the three-valued evaluation is monotone, so anything the
// engine asks later is in the set), and for each finding the earlier answers ("triggers") that must not be some value
// for it to be asked at all. Nothing here names a question: it reads the rules, definitions, risk score and questions.
import { compiled } from '../../engine/compiled.js';
import { formQuestions } from './questionnaire-items.js';
import { conditionFindings, derivationInputs, F, FREE, openFindings, T, truth, U, type Env, type Slot } from '../../engine/logic.js';
import type { ClinicalContent, Condition, FindingDef } from '../../engine/types.js';

/** The finding the engine's scope rule reads (triage: an age under `minimumAge` ends the check). */
export const AGE_FINDING = 'age_years';

/** A range of a number gate: every comparison the content makes on it is constant inside. */
export interface NumberRange {
  min?: { value: number; inclusive: boolean };
  max?: { value: number; inclusive: boolean };
  /** A value inside, to evaluate conditions with. */
  sample: number;
}

export type GateValues =
  | { finding: string; kind: 'choice'; values: readonly string[] }
  | { finding: string; kind: 'boolean'; values: readonly [true, false] }
  | { finding: string; kind: 'number'; integer: boolean; ranges: readonly NumberRange[] };

/** "This earlier finding must have one of these answers" ("unknown" is the "I'm not sure" answer). */
export interface Trigger {
  finding: string;
  allowed: readonly (boolean | string)[];
  all: readonly (boolean | string)[];
}

export interface FindingScope {
  /** Per gate: the values (choice) or range indexes (number) for which the finding can be asked. */
  gates: ReadonlyMap<string, readonly number[]>;
  triggers: readonly Trigger[];
}

export interface ContentScope {
  gates: readonly GateValues[];
  /** Per finding (non-gate) asked by a question; absent when no gate combination can ever ask it. */
  findings: ReadonlyMap<string, FindingScope>;
  /** Per gate finding, the gates asked before it (in the order the engine asks required questions). */
  gateOrder: readonly string[];
}

export const UNSURE = 'unknown';

const cache = new WeakMap<ClinicalContent, ContentScope>();

/** The scope of every finding of this content (worked out once per content object). */
export function contentScope(content: ClinicalContent): ContentScope {
  let scope = cache.get(content);
  if (scope === undefined) {
    scope = computeScope(content);
    cache.set(content, scope);
  }
  return scope;
}

function conditionsOf(content: ClinicalContent): Condition[] {
  return [
    ...content.rules.map((r) => r.when), ...content.definitions.values(), content.riskScore.appliesWhen,
    ...content.questions.flatMap((q) => (q.askWhen === undefined ? [] : [q.askWhen])),
    ...[...content.lists.values()].flat(),
  ];
}

/** Where comparisons on a number finding change value: each cut is "below t | from t on" or "up to t | above t". */
function numberRanges(content: ClinicalContent, def: Extract<FindingDef, { type: 'number' }>): NumberRange[] {
  const cuts: { at: number; after: boolean }[] = [];
  const visit = (c: Condition): void => {
    switch (c.kind) {
      case 'compare':
        if (c.finding === def.id && typeof c.value === 'number') {
          if (c.op === 'gte' || c.op === 'lt' || c.op === 'eq' || c.op === 'ne') cuts.push({ at: c.value, after: false });
          if (c.op === 'gt' || c.op === 'lte' || c.op === 'eq' || c.op === 'ne') cuts.push({ at: c.value, after: true });
        }
        return;
      case 'all': case 'any': case 'atLeast': c.of.forEach(visit); return;
      case 'not': visit(c.of); return;
      case 'true': case 'in': case 'def': case 'riskGroup': return;
    }
  };
  conditionsOf(content).forEach(visit);
  if (def.id === AGE_FINDING) cuts.push({ at: content.minimumAge, after: false });
  const unique = [...new Map(cuts.filter((c) => c.at > def.min || (c.at === def.min && c.after)).filter((c) => c.at < def.max || (c.at === def.max && !c.after))
    .map((c) => [`${c.at}/${c.after ? 1 : 0}`, c])).values()].sort((a, b) => a.at - b.at || Number(a.after) - Number(b.after));
  const ranges: NumberRange[] = [];
  let lower: NumberRange['min'] = { value: def.min, inclusive: true };
  for (const cut of unique) {
    const upper = { value: cut.at, inclusive: cut.after };
    ranges.push(rangeOf(lower, upper, def.integer));
    lower = { value: cut.at, inclusive: !cut.after };
  }
  ranges.push(rangeOf(lower, { value: def.max, inclusive: true }, def.integer));
  return ranges.filter((r) => Number.isFinite(r.sample));
}

function rangeOf(min: { value: number; inclusive: boolean }, max: { value: number; inclusive: boolean }, integer: boolean): NumberRange {
  let sample = min.inclusive ? min.value : (integer ? min.value + 1 : (min.value + max.value) / 2);
  if (integer) sample = Math.ceil(sample);
  const inside = sample < max.value || (sample === max.value && max.inclusive);
  return { min, max, sample: inside ? sample : Number.NaN };
}

function gatesOf(content: ClinicalContent): GateValues[] {
  const gates: GateValues[] = [];
  for (const def of content.findings.values()) {
    if (!def.required) continue;
    if (def.type === 'choice') gates.push({ finding: def.id, kind: 'choice', values: def.values });
    else if (def.type === 'number') gates.push({ finding: def.id, kind: 'number', integer: def.integer, ranges: numberRanges(content, def) });
    else gates.push({ finding: def.id, kind: 'boolean', values: [true, false] });
  }
  return gates;
}

function gateSlot(gate: GateValues, index: number): Slot {
  if (gate.kind === 'number') return gate.ranges[index]?.sample ?? FREE;
  return gate.values[index] ?? FREE;
}

interface Combo {
  /** Index into each gate's values or ranges. */
  at: readonly number[];
  env: ReadonlyMap<string, Slot>;
}

function combos(content: ClinicalContent, gates: readonly GateValues[]): Combo[] {
  let out: number[][] = [[]];
  for (const g of gates) {
    const n = g.kind === 'number' ? g.ranges.length : g.values.length;
    out = out.flatMap((prefix) => Array.from({ length: n }, (_, i) => [...prefix, i]));
  }
  return out.map((at): Combo => ({ at, env: new Map<string, Slot>(gates.map((g, i) => [g.finding, gateSlot(g, at[i] ?? 0)])) }))
    .filter((c) => inScope(content, c.env));
}

function inScope(content: ClinicalContent, env: ReadonlyMap<string, Slot>): boolean {
  const age = env.get(AGE_FINDING);
  return typeof age !== 'number' || age >= content.minimumAge;
}

/** The findings the engine could still ask once the fixed answers are given (nothing more after a certain emergency). */
export function reachable(content: ClinicalContent, fixed: ReadonlyMap<string, Slot>): Set<string> {
  const env: Env = (f) => fixed.get(f) ?? FREE;
  const out = new Set<string>();
  for (const def of content.findings.values()) if (def.required) out.add(def.id);
  if (content.rules.some((r) => r.level === 'emergency' && truth(r.when, env, content) === T)) return out;
  for (const r of content.rules) {
    const t = truth(r.when, env, content);
    if (t === U) openFindings(r.when, env, content, out);
    if (r.tiers !== undefined && t !== F) for (const c of content.lists.get(r.tiers.list) ?? []) conditionFindings(c, content, out);
  }
  if (truth(content.riskScore.appliesWhen, env, content) !== F) {
    for (const f of [...content.riskScore.items, content.riskScore.bothersome.finding]) out.add(f);
  }
  for (const q of content.questions) {
    if (q.askWhen !== undefined && truth(q.askWhen, env, content) !== F) for (const f of q.findings) out.add(f);
  }
  for (const d of content.derivations) {
    if (d.kind === 'value' && truth(d.when, env, content) === T) out.delete(d.finding);
    else if (out.has(d.finding)) derivationInputs(d, content, out);
  }
  for (const f of fixed.keys()) out.delete(f);
  for (const def of content.findings.values()) if (def.required) out.add(def.id);
  return out;
}

/** The answers a trigger candidate can have: its values, and "unknown" where the question offers it. */
function answerDomain(content: ClinicalContent, finding: string): (boolean | string)[] | undefined {
  const def = content.findings.get(finding);
  const q = content.questions[compiled(content).questionOf.get(finding) ?? -1];
  if (def === undefined || q === undefined) return undefined;
  const unsure = def.required ? [] : [UNSURE];
  if (def.type === 'boolean') return [true, false, ...unsure];
  if (def.type === 'choice') return [...def.values, ...unsure];
  return undefined;
}

function computeScope(content: ClinicalContent): ContentScope {
  const gates = gatesOf(content);
  const gateIds = new Set(gates.map((g) => g.finding));
  const all = combos(content, gates);
  const base = all.map((c) => reachable(content, c.env));
  const { questionOf } = compiled(content);
  const related = relatedFindings(content);
  const withValue = new Map<string, Set<string>>();
  const reachWith = (ci: number, g: string, v: boolean | string): Set<string> => {
    const key = `${ci}|${g}|${String(v)}`;
    let set = withValue.get(key);
    if (set === undefined) {
      const combo = all[ci];
      const env = new Map(combo?.env ?? []);
      env.set(g, v === UNSURE ? FREE : v);
      set = reachable(content, env);
      withValue.set(key, set);
    }
    return set;
  };
  const findings = new Map<string, FindingScope>();
  for (const q of formQuestions(content)) {
    // A yes/no statement may share a page with other signs of its level, answered at once: no earlier answer on
    // that page can gate it, so only gates limit it (a statement has a label).
    const mayShareAPage = q.kind === 'boolean' && (q as { label?: string }).label !== undefined;
    for (const f of q.findings) {
      if (gateIds.has(f)) continue;
      const where = all.flatMap((_, i) => (base[i]?.has(f) === true ? [i] : []));
      if (where.length === 0) continue;
      const gateSets = new Map(gates.map((g, gi) => [g.finding, [...new Set(where.map((i) => all[i]?.at[gi] ?? 0))].sort((a, b) => a - b)]));
      const triggers: Trigger[] = [];
      const qi = questionOf.get(f) ?? -1;
      for (const g of mayShareAPage ? [] : related.get(f) ?? []) {
        const gi = questionOf.get(g);
        if (gi === undefined || gi >= qi || gateIds.has(g)) continue;
        const domain = answerDomain(content, g);
        if (domain === undefined) continue;
        const allowed = domain.filter((v) => where.some((ci) => reachWith(ci, g, v).has(f)));
        if (allowed.length < domain.length) triggers.push({ finding: g, allowed, all: domain });
      }
      findings.set(f, { gates: gateSets, triggers });
    }
  }
  const gateOrder = content.questions.filter((q) => q.findings.some((f) => gateIds.has(f))).flatMap((q) => q.findings.filter((f) => gateIds.has(f)));
  return { gates, findings: commonTriggersForMulti(content, findings), gateOrder };
}

/** For each finding, the other findings that share a rule, a definition used by one, the risk score or a context question with it. */
function relatedFindings(content: ClinicalContent): Map<string, Set<string>> {
  const groups: Set<string>[] = [
    ...content.rules.map((r) => conditionFindings(r.when, content)),
    conditionFindings(content.riskScore.appliesWhen, content, new Set([...content.riskScore.items, content.riskScore.bothersome.finding])),
    ...content.questions.flatMap((q) => (q.askWhen === undefined ? [] : [conditionFindings(q.askWhen, content, new Set(q.findings))])),
  ];
  const out = new Map<string, Set<string>>();
  for (const group of groups) {
    for (const f of group) {
      const set = out.get(f) ?? new Set<string>();
      for (const g of group) if (g !== f) set.add(g);
      out.set(f, set);
    }
  }
  return out;
}

/**
 * A "tick all that apply" question is shown whole when any of its findings is needed, so an earlier answer can only
 * gate one of its options when it gates all of them (otherwise the engine may show the option before asking it).
 */
function commonTriggersForMulti(content: ClinicalContent, findings: Map<string, FindingScope>): Map<string, FindingScope> {
  for (const q of content.questions) {
    if (q.findings.length < 2) continue;
    const scopes = q.findings.flatMap((f) => {
      const s = findings.get(f);
      return s === undefined ? [] : [s];
    });
    const common = (scopes[0]?.triggers ?? []).flatMap((t): Trigger[] => {
      const others = scopes.map((s) => s.triggers.find((x) => x.finding === t.finding));
      if (others.some((x) => x === undefined)) return [];
      const allowed = t.all.filter((v) => others.some((x) => x?.allowed.includes(v) === true));
      return allowed.length < t.all.length ? [{ finding: t.finding, allowed, all: t.all }] : [];
    });
    for (const f of q.findings) {
      const s = findings.get(f);
      if (s !== undefined) findings.set(f, { ...s, triggers: common });
    }
  }
  return findings;
}
