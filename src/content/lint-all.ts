// Runs every content check at once (the clinical loader, the clinical lint and the content lint), as `creak lint` and the safety case do.
import { join } from 'node:path';
import type { ClinicalContent } from '../engine/types.js';
import { ContentError, loadClinicalContent } from './clinical-loader.js';
import { lintClinical } from './clinical-lint.js';
import { lintContent, type LintResult } from './content-lint.js';
import { withCheck, type LintProblem } from './lint-checks.js';

export interface FullLint {
  /** The clinical content, when it loads. */
  clinical?: ClinicalContent;
  /** The content lint's result (readability, counts), when the clinical content loads. */
  content?: LintResult;
  /** Every problem, each with its check id; any problem fails the lint. */
  problems: LintProblem[];
  warnings: LintProblem[];
}

/**
 * Loads the clinical content from `<contentDir>/clinical` and lints it with the articles and references.
 * Content that does not load is reported as `clinical.load` problems (the other checks need it).
 */
export function lintAll(contentDir: string, now: Date): FullLint {
  let clinical: ClinicalContent;
  try {
    clinical = loadClinicalContent(join(contentDir, 'clinical'));
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { problems: withCheck('clinical.load', error.problems), warnings: [] };
  }
  const content = lintContent({ articlesDir: join(contentDir, 'articles'), contentDir, clinical, now });
  return { clinical, content, problems: [...lintClinical(clinical), ...content.problems], warnings: content.warnings };
}
