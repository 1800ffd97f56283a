// Which findings can matter for a body region: the same facts the engine uses to ignore out-of-region answers.
import { compiled } from './compiled.js';
import type { ClinicalContent } from './types.js';

/** The findings a check for this region can ask or use (rules, risk score, context questions, derivations). */
export function regionFindings(content: ClinicalContent, region: string): ReadonlySet<string> {
  return compiled(content).regionFindings(region);
}
