// Rebuilds the exact question a page showed from its id (and, for a multi question, the options shown).
import type { ClinicalContent, QuestionView } from '../../engine/types.js';

/**
 * The view of question `id` as shown: for a multi question only the options whose findings are listed in
 * `shown` (the engine shows only the options still needed). Undefined if the id or a listed finding is
 * not part of the question, so a tampered form cannot set findings it never showed.
 */
export function questionView(content: ClinicalContent, id: string, shown: readonly string[]): QuestionView | undefined {
  const def = content.questions.find((q) => q.id === id);
  if (def === undefined) return undefined;
  const base = {
    id: def.id, kind: def.kind, text: def.text, unknownAllowed: def.unknownAllowed,
    ...(def.hint === undefined ? {} : { hint: def.hint }), ...(def.riskTopic === true ? { riskTopic: true } : {}),
  };
  if (def.kind === 'multi') {
    if (shown.length === 0 || shown.some((f) => !def.findings.includes(f)) || new Set(shown).size !== shown.length) return undefined;
    const options = (def.options ?? []).filter((o) => shown.includes(o.finding ?? o.value));
    return { ...base, findings: options.map((o) => o.finding ?? o.value), options };
  }
  const finding = def.findings[0];
  if (finding === undefined) return undefined;
  const fd = content.findings.get(finding);
  return {
    ...base,
    finding,
    findings: [finding],
    ...(def.options === undefined ? {} : { options: def.options }),
    ...(fd?.type === 'number' ? { min: fd.min, max: fd.max } : {}),
    ...(def.units === undefined ? {} : { units: def.units }),
  };
}
