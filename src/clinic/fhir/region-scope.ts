// Which body regions a question can matter for, from the engine's own region scoping: the basis of the
// Questionnaire's enableWhen.
import { regionFindings } from '../../engine/index.js';
import type { ClinicalContent, QuestionDef } from '../../engine/types.js';

/** All regions the check knows, from the body_region finding. */
export function allRegions(content: ClinicalContent): string[] {
  const def = content.findings.get('body_region');
  return def?.type === 'choice' ? [...def.values] : [];
}

/**
 * The regions for which a question can be asked, or undefined when it can be asked for every region (a question
 * that asks body_region itself, or one every region may need).
 */
export function questionRegions(content: ClinicalContent, q: QuestionDef): string[] | undefined {
  const regions = allRegions(content);
  if (regions.length === 0 || q.findings.includes('body_region')) return undefined;
  const reachable = regions.filter((r) => {
    const scope = regionFindings(content, r);
    return q.findings.some((f) => scope.has(f));
  });
  return reachable.length === regions.length || reachable.length === 0 ? undefined : reachable;
}
