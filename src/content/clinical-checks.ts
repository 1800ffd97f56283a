// Cross-file checks of the clinical content against the reference list: every cited source must exist.
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import type { ClinicalContent } from '../engine/types.js';
import { readReferences } from './references.js';
import type { ContentProblem } from './content-problem.js';

/** Problems with the sources cited by the rules and the risk score (the reference list lives in content/). */
export function checkReferences(content: ClinicalContent, clinicalDir: string): ContentProblem[] {
  const dir = join(clinicalDir, '..');
  if (!existsSync(join(dir, 'references.yaml'))) {
    return [{ file: join(dir, 'references.yaml'), path: '', message: 'the reference list is missing', expected: 'content/references.yaml' }];
  }
  const { references, problems } = readReferences(dir);
  const cite = (file: string, path: string, ids: readonly string[]): void => {
    for (const id of ids) {
      if (!references.has(id)) problems.push({ file: join(clinicalDir, file), path, message: `unknown reference "${id}"`, expected: `an id of ${join(dirname(clinicalDir), 'references.yaml')}` });
    }
  };
  content.rules.forEach((r) => { cite('rules.yaml', `rules.${r.id}.sources`, r.sources); });
  cite('risk.yaml', 'sources', content.riskScore.sources);
  return problems;
}
