// The pages the check shows, as the public API describes them: one question, a group of statements, or a recheck.
import { compiled } from './compiled.js';
import { RECHECK_VALUES, recheckId } from './types.js';
import type { ClinicalContent, QuestionDef, QuestionView, Stage } from './types.js';

/** At most this many statements share a "Do any of these apply?" page, so that none is skimmed past. */
export const MAX_GROUP = 6;
const GROUP_PREFIX = 'group-';
const RECHECK_PREFIX = 'recheck-';

/** The view of a question of questions.yaml; a multi question shows only the options for `findings`. */
export function questionView(content: ClinicalContent, q: QuestionDef, findings: readonly string[], stage: Stage): QuestionView {
  const base = {
    id: q.id,
    kind: q.kind,
    findings: q.kind === 'multi' ? findings : q.findings,
    text: q.text,
    unknownAllowed: q.unknownAllowed,
    stage,
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

/** Several yes/no findings needed for the same level, as one "Do any of these apply?" page of statements. */
export function groupView(content: ClinicalContent, findings: readonly string[], stage: Stage): QuestionView {
  const { questionOf } = compiled(content);
  const first = content.questions[questionOf.get(findings[0] ?? '') ?? -1];
  return {
    id: `${GROUP_PREFIX}${first?.id ?? ''}`,
    kind: 'multi',
    findings,
    text: 'Do any of these apply to you?',
    hint: 'Tick all that apply. If you are not sure about one of them, also tick "I\'m not sure".',
    unknownAllowed: true,
    stage,
    options: findings.map((f) => {
      const q = content.questions[questionOf.get(f) ?? -1];
      return { value: f, finding: f, label: q?.label ?? f, ...(q?.hint === undefined ? {} : { hint: q.hint }) };
    }),
  };
}

/** Principle 2b: one emergency sign asked again, on its own and more fully, after "I'm not sure". */
export function recheckView(content: ClinicalContent, finding: string): QuestionView | undefined {
  const { questionOf } = compiled(content);
  const q = content.questions[questionOf.get(finding) ?? -1];
  if (q?.clarify === undefined) return undefined;
  const id = recheckId(finding);
  return {
    id: `${RECHECK_PREFIX}${q.id}`,
    kind: 'choice',
    finding: id,
    findings: [id],
    text: q.clarify.text,
    ...(q.clarify.hint === undefined ? {} : { hint: q.clarify.hint }),
    unknownAllowed: true,
    clarifies: finding,
    stage: 'warning_signs',
    options: q.kind === 'choice' ? q.options ?? [] : RECHECK_VALUES.map((v) => ({ value: v, label: v === 'yes' ? 'Yes' : 'No' })),
  };
}

/** The part of the check a finding belongs to, for the progress line. */
export function stageOf(content: ClinicalContent, finding: string): Stage {
  if (content.findings.get(finding)?.required === true) return 'about_you';
  return compiled(content).redFlags.has(finding) ? 'warning_signs' : 'your_symptoms';
}

/**
 * Rebuilds the page a form showed from its id and the findings it listed (a multi page shows only some options).
 * Undefined when they do not make a page the check could show, so a changed form cannot answer what it never asked.
 */
export function pageView(content: ClinicalContent, id: string, findings: readonly string[]): QuestionView | undefined {
  const { questionOf, groupable } = compiled(content);
  const questionFor = (qid: string): QuestionDef | undefined => content.questions.find((q) => q.id === qid);
  if (id.startsWith(RECHECK_PREFIX)) {
    const q = questionFor(id.slice(RECHECK_PREFIX.length));
    const finding = q?.kind === 'boolean' || q?.kind === 'choice' ? q.findings[0] : undefined;
    return finding === undefined ? undefined : recheckView(content, finding);
  }
  if (id.startsWith(GROUP_PREFIX)) {
    const q = questionFor(id.slice(GROUP_PREFIX.length));
    const ordered = findings.every((f, i) => i === 0 || (questionOf.get(findings[i - 1] ?? '') ?? 0) < (questionOf.get(f) ?? 0));
    const ok = q !== undefined && findings[0] === q.findings[0] && findings.length >= 2 && findings.length <= MAX_GROUP
      && ordered && findings.every((f) => groupable.has(f));
    return ok ? groupView(content, findings, stageOf(content, findings[0] ?? '')) : undefined;
  }
  const q = questionFor(id);
  if (q === undefined) return undefined;
  if (q.kind === 'multi') {
    if (findings.length === 0 || findings.some((f) => !q.findings.includes(f)) || new Set(findings).size !== findings.length) return undefined;
    return questionView(content, q, q.findings.filter((f) => findings.includes(f)), stageOf(content, findings[0] ?? ''));
  }
  return questionView(content, q, q.findings, stageOf(content, q.findings[0] ?? ''));
}
