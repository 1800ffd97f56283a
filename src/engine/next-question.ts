// Chooses the next page: the most important unanswered findings that could still change the outcome.
import { T, U, openFindings, possibleRiskGroups, truth } from './logic.js';
import { compiled } from './compiled.js';
import { closedEnv, isAnswered, openEnv, type State } from './state.js';
import { levelRank, recheckId } from './types.js';
import type { ClinicalContent, QuestionView, RuleDef } from './types.js';
import { gatesOf } from './gates.js';
import { MAX_GROUP, groupView, questionView, recheckView, stageOf } from './views.js';

const EMERGENCY = levelRank('emergency');

/** The findings still worth asking: the rank of what hangs on each, and the rules that make each one matter. */
export interface Needed {
  /** For each finding, the rank of the most urgent thing that hangs on it. */
  keys: Map<string, number>;
  /** The rules (with their rank) through which each finding matters; findings needed for the care shown are absent. */
  via: Map<string, { rule: RuleDef; rank: number }[]>;
  /** Findings needed for the care shown (risk group, tiers, context), never deferred behind another. */
  care: Set<string>;
}

/**
 * The findings still worth asking, each with the rank of what hangs on it: a rule above the current level
 * that it could fire (principle 1), or care shown at the current level (principle 8: risk group, S5 tiers,
 * rules marked `explain`, context questions).
 */
export function neededFindings(content: ClinicalContent, state: State, level: number): Needed {
  const keys = new Map<string, number>();
  const via = new Map<string, { rule: RuleDef; rank: number }[]>();
  const care = new Set<string>();
  const { rank, regionFindings, regionRules } = compiled(content);
  const inRegion = state.region === undefined ? undefined : regionFindings(state.region);
  const need = (f: string, r: number): boolean => {
    if (isAnswered(state, f) || (inRegion !== undefined && !inRegion.has(f))) return false;
    keys.set(f, Math.max(keys.get(f) ?? -1, r));
    return true;
  };
  const open = openEnv(state);
  const closed = closedEnv(state);
  const vars = new Set<string>();
  for (const rule of regionRules(state.region)) {
    const r = rank.get(rule.id) ?? 0;
    const careAtLevel = rule.explain === true && r === level;
    if (r <= level && !careAtLevel) continue;
    if (truth(rule.when, open, content) !== U) continue;
    vars.clear();
    openFindings(rule.when, open, content, vars);
    for (const f of vars) {
      if (!need(f, r)) continue;
      if (careAtLevel) care.add(f);
      else {
        const list = via.get(f);
        if (list) list.push({ rule, rank: r });
        else via.set(f, [{ rule, rank: r }]);
      }
    }
  }
  if (level >= EMERGENCY) return { keys, via, care };
  const careNeed = (f: string, r: number): void => { if (need(f, r)) care.add(f); };
  const risk = content.riskScore;
  if (truth(risk.appliesWhen, closed, content) === T && possibleRiskGroups(open, content).length > 1) {
    for (const f of [...risk.items, risk.bothersome.finding]) careNeed(f, levelRank('routine'));
  }
  for (const rule of regionRules(state.region)) {
    if (rule.tiers === undefined || truth(rule.when, closed, content) !== T) continue;
    const items = content.lists.get(rule.tiers.list) ?? [];
    const yes = items.filter((c) => truth(c, closed, content) === T).length;
    const maybe = items.filter((c) => truth(c, open, content) === U).length;
    const tierAt = (n: number): string | undefined => rule.tiers?.tiers.find((t) => n >= t.atLeast)?.code;
    if (tierAt(yes) !== tierAt(yes + maybe)) {
      for (const c of items) {
        vars.clear();
        openFindings(c, open, content, vars);
        for (const f of vars) careNeed(f, rank.get(rule.id) ?? 0);
      }
    }
  }
  for (const q of compiled(content).contextQuestions) {
    if (q.askWhen && q.priority && truth(q.askWhen, closed, content) === T) {
      for (const f of q.findings) careNeed(f, levelRank(q.priority));
    }
  }
  return { keys, via, care };
}

/** Below "soon" nothing is a warning sign: routine and self-care findings may share a page. */
const SHARED_BELOW = levelRank('routine');

/**
 * The next page, or undefined when nothing left could change the outcome. The findings needed for the highest
 * level come first, in the clinical order of questions.yaml; a finding that only matters once another is known
 * waits for it (gates.ts). When the first of them has a statement form, every other such finding needed for that
 * same level joins it on one "Do any of these apply?" page (at most MAX_GROUP): a person sees a level's signs
 * together, and never a sign of one level beside a lesser one.
 */
export function nextQuestion(content: ClinicalContent, needed: Needed): QuestionView | undefined {
  const { order, questionOf, groupable } = compiled(content);
  let top = -1;
  for (const key of needed.keys.values()) top = Math.max(top, key);
  const inBucket = (key: number): boolean => key === top || (top <= SHARED_BELOW && key <= SHARED_BELOW);
  const all = [...needed.keys].filter(([f, key]) => inBucket(key) && order.has(f)).map(([f]) => f)
    .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const ready = all.filter((f) => !waits(content, needed, f, all, inBucket));
  const candidates = ready.length > 0 ? ready : all;
  const first = candidates[0];
  if (first === undefined) return undefined;
  const stage = stageOf(content, first);
  if (groupable.has(first)) {
    // Findings that wait for a gate fill any free places on the page: same level, one page fewer.
    const ready = candidates.filter((f) => groupable.has(f)).slice(0, MAX_GROUP);
    const group = [...ready, ...all.filter((f) => groupable.has(f) && !ready.includes(f))].slice(0, MAX_GROUP)
      .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    if (group.length > 1) return groupView(content, group, stage);
  }
  const q = content.questions[questionOf.get(first) ?? -1];
  return q ? questionView(content, q, q.findings.filter((f) => needed.keys.has(f)), stage) : undefined;
}

/**
 * Whether f matters for this page's level only through rules in which another finding still to ask gates it
 * (see gates.ts). It comes back, at its own level, once the gate is answered.
 */
function waits(content: ClinicalContent, needed: Needed, f: string, candidates: readonly string[], inBucket: (rank: number) => boolean): boolean {
  if (needed.care.has(f)) return false;
  const rules = (needed.via.get(f) ?? []).filter((v) => inBucket(v.rank));
  return rules.length > 0 && rules.every(({ rule }) => {
    const gates = gatesOf(content, rule).get(f);
    return gates !== undefined && candidates.some((g) => g !== f && gates.has(g));
  });
}

/**
 * Safety principle 2b: an emergency sign answered "I'm not sure" is asked once more on its own, in more words,
 * before the unsure answer can raise the result. Returns that page for the first such sign (in clinical order)
 * that could still lead to an emergency, or undefined.
 */
export function recheckQuestion(content: ClinicalContent, state: State): QuestionView | undefined {
  if (state.unsure.size === 0) return undefined;
  const { rank, regionRules, order, clarifiable } = compiled(content);
  const open = openEnv(state);
  const pending = [...state.unsure].filter((f) => clarifiable.has(f) && !state.answers.has(recheckId(f)));
  if (pending.length === 0) return undefined;
  const matters = new Set<string>();
  const vars = new Set<string>();
  for (const rule of regionRules(state.region)) {
    if ((rank.get(rule.id) ?? 0) < EMERGENCY || truth(rule.when, open, content) !== U) continue;
    vars.clear();
    openFindings(rule.when, open, content, vars);
    for (const f of vars) matters.add(f);
  }
  const first = pending.filter((f) => matters.has(f)).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0];
  return first === undefined ? undefined : recheckView(content, first);
}
