// Builds the explained outcome: the rules that fired, the answers behind them, unsure effects and safety-netting.
import { F, FREE, T, U, openFindings, possibleRiskGroups, riskCounts, truth, witnesses, type Env } from './logic.js';
import { compiled } from './compiled.js';
import { closedEnv, type State } from './state.js';
import type { Cases } from './cases.js';
import { LEVELS, levelRank } from './types.js';
import type { ClinicalContent, FiredRule, Outcome, Region, RiskGroupResult, UnsureEffect } from './types.js';

/** The outcome at `level` (a rank), with the evidence for every decision it shows. */
export function explain(content: ClinicalContent, state: State, level: number, { best, worst, bestReading }: Cases): Outcome {
  const env = closedEnv(state);
  const { rank, redFlags, regionRules } = compiled(content);
  const rules = regionRules(state.region);
  // With unsure answers, the rules listed are those of the most reassuring reading (the best case); a rule
  // that needs that reading names the unsure findings it assumed.
  const reading = state.unsure.size > 0 ? closedEnv(state, bestReading) : env;
  const trueIds = new Set(rules.filter((r) => truth(r.when, reading, content) === T).map((r) => r.id));
  const topFired = Math.max(-1, ...[...trueIds].map((id) => rank.get(id) ?? 0));
  const fired: FiredRule[] = [];
  for (const rule of rules) {
    if (!trueIds.has(rule.id)) continue;
    const r = rank.get(rule.id) ?? 0;
    if (rule.nothingAbove === true && topFired > r) continue;
    if ((rule.displacedBy ?? []).some((d) => trueIds.has(d))) continue;
    const because = new Set<string>();
    witnesses(rule.when, reading, content, because);
    const assuming = truth(rule.when, env, content) === T ? [] : [...because].filter((f) => state.unsure.has(f));
    const tier = rule.tiers ? tierOf(content, rule.tiers, reading) : undefined;
    fired.push({
      id: rule.id, level: rule.level, title: rule.title, reason: rule.reason, because: [...because], sources: rule.sources,
      ...(tier ? { tier } : {}), ...(assuming.length > 0 ? { assuming } : {}),
    });
  }
  fired.sort((a, b) => levelRank(b.level) - levelRank(a.level));

  // Unsure answers that could have given a higher level than the one shown (principle 2 says which).
  const unsure: UnsureEffect[] = [];
  for (const rule of rules) {
    const r = rank.get(rule.id) ?? 0;
    if (r <= level || truth(rule.when, env, content) !== U) continue;
    const vars = new Set<string>();
    openFindings(rule.when, env, content, vars);
    for (const f of vars) unsure.push({ finding: f, rule: rule.id, couldBe: rule.level });
  }
  const decisive = new Set<string>();
  for (const f of fired) if (levelRank(f.level) === level) for (const id of f.because) decisive.add(id);
  if (level > best) for (const u of unsure) decisive.add(u.finding);

  const checkedAbsent = content.questions.flatMap((q) => q.findings)
    .filter((f) => redFlags.has(f) && state.known.get(f) === false && !state.derived.has(f));
  const region = (state.region ?? 'other') as Region;
  const regionInfo = content.regions.get(region);
  const tags = new Set<string>();
  for (const f of fired) for (const t of content.rules.find((r) => r.id === f.id)?.articleTags ?? []) tags.add(t);
  for (const u of unsure) for (const t of content.rules.find((r) => r.id === u.rule)?.articleTags ?? []) tags.add(t);
  for (const t of regionInfo?.tags ?? []) tags.add(t);
  const riskGroup = riskGroupResult(content, state);
  return {
    level: LEVELS[level] ?? 'self_care',
    region,
    rules: fired,
    decisive: [...decisive],
    unsure,
    checkedAbsent,
    ...(riskGroup ? { riskGroup } : {}),
    safetyNet: level >= levelRank('emergency') ? [] : safetyNetRules(content, state),
    articleTags: [...tags],
    bestCase: LEVELS[best] ?? 'self_care',
    worstCase: LEVELS[worst] ?? 'self_care',
    contentVersion: content.version,
  };
}

/**
 * Principle 9: the emergency and urgent rules whose warning sign this person should watch for. A rule counts
 * while it could still fire: its signs may yet appear, and no answer (a region, no replaced joint, no cancer,
 * no leg pain for a knee) rules it out; unasked and unsure findings could go either way. Rules that already
 * fired are left out: the person has reported those signs.
 */
export function safetyNetRules(content: ClinicalContent, state: State): string[] {
  const { rank, regionRules } = compiled(content);
  const closed = closedEnv(state);
  const rules = regionRules(state.region).filter((r) => r.warning !== undefined && (rank.get(r.id) ?? 0) >= levelRank('urgent'));
  const out: { id: string; r: number }[] = [];
  for (const rule of rules) {
    const signs = new Set(rule.warning?.signs ?? []);
    const future: Env = (f) => (signs.has(f) ? FREE : state.known.get(f) ?? FREE);
    if (truth(rule.when, future, content) === F || truth(rule.when, closed, content) === T) continue;
    out.push({ id: rule.id, r: rank.get(rule.id) ?? 0 });
  }
  return out.sort((a, b) => b.r - a.r).map((x) => x.id);
}

function tierOf(content: ClinicalContent, tiers: NonNullable<ClinicalContent['rules'][number]['tiers']>, env: ReturnType<typeof closedEnv>) {
  const count = (content.lists.get(tiers.list) ?? []).filter((c) => truth(c, env, content) === T).length;
  return tiers.tiers.find((t) => count >= t.atLeast);
}

function riskGroupResult(content: ClinicalContent, state: State): RiskGroupResult | undefined {
  const env = closedEnv(state);
  if (truth(content.riskScore.appliesWhen, env, content) !== T) return undefined;
  const { physical, psycho } = riskCounts(env, content);
  const possible = possibleRiskGroups(env, content);
  const group = possible[0] ?? 'low';
  return {
    group,
    total: physical[0] + psycho[0],
    psychosocial: psycho[0],
    ...(possible.length > 1 ? { couldBe: possible } : {}),
  };
}
