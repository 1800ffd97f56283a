// Static checks of the clinical content for the safety lead: unused or unasked findings, rules that can never fire.
import { F, FREE, conditionFindings, derivationInputs, truth, type Env } from '../engine/logic.js';
import { levelRank, recheckOf } from '../engine/types.js';
import type { ClinicalContent } from '../engine/types.js';
import type { LintCheck, LintProblem } from './lint-checks.js';
import { satisfiable } from './satisfiable.js';
import { lintSafetyNets } from './safety-net-lint.js';

const FILE = 'content/clinical';

/** The highest level of a rule that mentions each finding. */
function topLevels(content: ClinicalContent): Map<string, number> {
  const top = new Map<string, number>();
  for (const r of content.rules) {
    for (const f of conditionFindings(r.when, content)) top.set(f, Math.max(top.get(f) ?? -1, levelRank(r.level)));
  }
  return top;
}

/**
 * Problems a clinician should fix: findings no rule, score or question uses; findings no question asks or
 * derives; questions that can never be asked; rules that can never fire or lack a source; regions without
 * safety-netting; several-finding questions that mix levels.
 */
export function lintClinical(content: ClinicalContent): LintProblem[] {
  const problems: LintProblem[] = [];
  const at = (check: LintCheck, file: string, path: string, message: string, expected: string): void => { problems.push({ check, file: `${FILE}/${file}`, path, message, expected }); };
  const used = new Set<string>();
  for (const r of content.rules) conditionFindings(r.when, content, used);
  for (const f of [...content.riskScore.items, content.riskScore.bothersome.finding]) used.add(f);
  for (const d of content.derivations) {
    used.add(d.finding);
    derivationInputs(d, content, used);
  }
  for (const q of content.questions) if (q.askWhen) q.findings.forEach((f) => used.add(f));
  const asked = new Set(content.questions.flatMap((q) => q.findings));
  const derived = new Set(content.derivations.map((d) => d.finding));
  for (const [f, def] of content.findings) {
    if (def.notAsked !== undefined || recheckOf(def) !== undefined) continue;
    if (!used.has(f)) at('clinical.finding-unused', 'findings.yaml', `findings.${f}`, `finding ${f} is used by no rule, score or context question`, 'every finding used');
    if (!asked.has(f) && !derived.has(f)) at('clinical.finding-unasked', 'questions.yaml', '', `finding ${f} is asked by no question and derived by nothing`, 'a question for every finding');
  }
  for (const q of content.questions) {
    if (!q.findings.some((f) => used.has(f))) at('clinical.question-never-asked', 'questions.yaml', `questions.${q.id}`, `question ${q.id} can never be asked: no rule needs its findings`, 'a finding some rule uses');
  }
  for (const r of content.rules) {
    if (!satisfiable(content, r.when)) at('clinical.rule-never-fires', 'rules.yaml', `rules.${r.id}.when`, `rule ${r.id} can never fire`, 'a condition some answers make true');
    if (r.sources.length === 0) at('clinical.rule-without-source', 'rules.yaml', `rules.${r.id}.sources`, `rule ${r.id} has no source`, 'at least one reference id');
  }
  problems.push(...lintSafetyNets(content));
  const top = topLevels(content);
  for (const q of content.questions.filter((x) => x.kind === 'multi')) {
    const levels = new Set(q.findings.map((f) => top.get(f) ?? -1));
    if (levels.size > 1) at('clinical.question-mixes-levels', 'questions.yaml', `questions.${q.id}`, `question ${q.id} groups findings of different levels`, 'findings whose rules share a level (never an emergency sign with a lesser one)');
  }
  const region = content.findings.get('body_region');
  for (const value of region?.type === 'choice' ? region.values : []) {
    const env: Env = (f) => (f === 'body_region' ? value : FREE);
    if (!content.rules.some((r) => truth(r.when, env, content) !== F)) at('clinical.region-without-rules', 'rules.yaml', '', `no rule applies to the region ${value}`, 'rules for every region');
  }
  return problems;
}
