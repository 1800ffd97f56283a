// The `::: warning-signs` directive: articles list warning signs from the rules, never by hand (principle 9).
import { safetyNetFor } from '../engine/safety-net.js';
import type { ClinicalContent } from '../engine/types.js';
import type { ContentProblem } from './content-problem.js';
import { safetyNetLines } from './safety-net.js';

const DIRECTIVE = /^:::[ \t]*warning-signs[ \t]+(.+?)[ \t]*$/gm;

/**
 * Replaces each line `::: warning-signs <rule ids or a body region>` with a list of those rules' warning signs,
 * each with its own action ("Call 999 now if you …"), written from the rules as a result's safety net is. A body
 * region lists every emergency and urgent sign that can apply to it (e.g. `::: warning-signs lower_back`).
 */
export function expandWarningSigns(markdown: string, clinical: ClinicalContent | undefined, file: string): { markdown: string; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const region = clinical?.findings.get('body_region');
  const regions = region?.type === 'choice' ? region.values : [];
  const expanded = markdown.replace(DIRECTIVE, (_line, args: string) => {
    if (clinical === undefined) {
      problems.push({ check: 'article.warning-signs', file, path: 'body', message: 'a warning-signs directive needs the clinical content', expected: 'the clinical content loaded with the articles' });
      return '';
    }
    const words = args.split(/[\s,]+/).filter((w) => w !== '');
    const ids = words.flatMap((w) => (regions.includes(w) ? safetyNetFor(clinical, { body_region: w }) : [w]));
    for (const id of ids) {
      const rule = clinical.rules.find((r) => r.id === id);
      if (rule?.warning === undefined) problems.push({ check: 'article.warning-signs', file, path: 'body', message: `warning-signs names "${id}", which is not a rule with a warning sign or a body region`, expected: `rule ids with a warning (E1 …) or a region (${regions.join(', ')})` });
    }
    return safetyNetLines(clinical, ids).map((line) => `- ${line}`).join('\n');
  });
  return { markdown: expanded, problems };
}
