// Chooses the next question: the most important unanswered finding that could still change the outcome.
import { T, U, openFindings, possibleRiskGroups, truth } from './logic.js';
import { compiled } from './compiled.js';
import { closedEnv, isAnswered, openEnv, type State } from './state.js';
import { levelRank } from './types.js';
import type { ClinicalContent, QuestionDef, QuestionView } from './types.js';

const EMERGENCY = levelRank('emergency');

/**
 * The findings still worth asking, each with the rank of what hangs on it: a rule above the current level
 * that it could fire (principle 1), or care shown at the current level (principle 8: risk group, S5 tiers,
 * rules marked `explain`, context questions).
 */
export function neededFindings(content: ClinicalContent, state: State, level: number): Map<string, number> {
  const needed = new Map<string, number>();
  const { rank, regionFindings, regionRules } = compiled(content);
  const inRegion = state.region === undefined ? undefined : regionFindings(state.region);
  const need = (f: string, r: number): void => {
    if (!isAnswered(state, f) && (inRegion === undefined || inRegion.has(f))) needed.set(f, Math.max(needed.get(f) ?? -1, r));
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
    for (const f of vars) need(f, r);
  }
  if (level >= EMERGENCY) return needed;
  const risk = content.riskScore;
  if (truth(risk.appliesWhen, closed, content) === T && possibleRiskGroups(open, content).length > 1) {
    for (const f of [...risk.items, risk.bothersome.finding]) need(f, levelRank('routine'));
  }
  for (const rule of regionRules(state.region)) {
    if (rule.tiers === undefined || truth(rule.when, closed, content) !== T) continue;
    const items = content.lists.get(rule.tiers.list) ?? [];
    const yes = items.filter((c) => truth(c, closed, content) === T).length;
    const maybe = items.filter((c) => truth(c, open, content) === U).length;
    const tierAt = (n: number): string | undefined => rule.tiers?.tiers.find((t) => n >= t.atLeast)?.code;
    if (tierAt(yes) !== tierAt(yes + maybe)) {
      for (const c of items) {
        const vars = new Set<string>();
        openFindings(c, open, content, vars);
        for (const f of vars) need(f, rank.get(rule.id) ?? 0);
      }
    }
  }
  for (const q of compiled(content).contextQuestions) {
    if (q.askWhen && q.priority && truth(q.askWhen, closed, content) === T) {
      for (const f of q.findings) need(f, levelRank(q.priority));
    }
  }
  return needed;
}

/** The next question to ask, or undefined when nothing left could change the outcome. */
export function nextQuestion(content: ClinicalContent, needed: ReadonlyMap<string, number>): QuestionView | undefined {
  const { questionOf } = compiled(content);
  let best = -1;
  let bestKey = -1;
  for (const [f, key] of needed) {
    const index = questionOf.get(f) ?? -1;
    if (index >= 0 && (key > bestKey || (key === bestKey && index < best))) {
      best = index;
      bestKey = key;
    }
  }
  const q = content.questions[best];
  return q ? view(content, q, q.findings.filter((f) => needed.has(f))) : undefined;
}

function view(content: ClinicalContent, q: QuestionDef, findings: readonly string[]): QuestionView {
  const base = {
    id: q.id,
    kind: q.kind,
    findings: q.kind === 'multi' ? findings : q.findings,
    text: q.text,
    unknownAllowed: q.unknownAllowed,
    ...(q.hint !== undefined ? { hint: q.hint } : {}),
    ...(q.riskTopic === true ? { riskTopic: true } : {}),
  };
  if (q.kind === 'multi') {
    return { ...base, options: (q.options ?? []).filter((o) => o.finding !== undefined && findings.includes(o.finding)) };
  }
  const finding = q.findings[0] ?? '';
  const def = content.findings.get(finding);
  return {
    ...base,
    finding,
    ...(q.options ? { options: q.options } : {}),
    ...(def?.type === 'number' ? { min: def.min, max: def.max } : {}),
    ...(q.units ? { units: q.units } : {}),
  };
}
