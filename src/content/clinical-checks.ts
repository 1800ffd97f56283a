// Checks of the clinical content beyond its schema: conditions, rules, and sources against the reference list.
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { levelRank } from '../engine/types.js';
import type { ClinicalContent, Condition, FindingDef, RuleDef } from '../engine/types.js';
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

/** Problems in one condition: unknown findings, and comparisons that do not fit the finding's type. */
export function checkCondition(
  c: Condition, file: string, path: string, findings: ReadonlyMap<string, FindingDef>,
  definitions: Readonly<Record<string, unknown>>, problems: ContentProblem[],
): void {
  const at = (message: string, expected: string): void => { problems.push({ file, path, message, expected }); };
  switch (c.kind) {
    case 'true': {
      const f = findings.get(c.finding);
      if (!f) at(`unknown finding or definition "${c.finding}"`, 'a finding of findings.yaml or a definition');
      else if (f.type !== 'boolean') at(`${c.finding} is a ${f.type}; compare it instead`, `"${c.finding} = value" or "${c.finding} >= n"`);
      return;
    }
    case 'compare': {
      const f = findings.get(c.finding);
      if (!f) at(`unknown finding "${c.finding}"`, 'a finding of findings.yaml');
      else if (f.type === 'number' && typeof c.value !== 'number') at(`${c.finding} is a number`, 'a number to compare with');
      else if (f.type === 'choice' && (!['eq', 'ne'].includes(c.op) || !f.values.includes(String(c.value)))) at(`${c.finding} is a choice`, `= or != one of ${f.values.join(', ')}`);
      else if (f.type === 'boolean') at(`${c.finding} is yes/no: write just its name`, c.finding);
      return;
    }
    case 'in': {
      const f = findings.get(c.finding);
      if (f?.type !== 'choice') {
        at(`"in" needs a choice finding, got ${c.finding}`, 'a choice finding');
        return;
      }
      for (const v of c.values) if (!f.values.includes(v)) at(`"${v}" is not a value of ${c.finding}`, f.values.join(', '));
      return;
    }
    case 'all':
    case 'any':
    case 'atLeast':
      c.of.forEach((x, i) => { checkCondition(x, file, `${path}[${String(i)}]`, findings, definitions, problems); });
      return;
    case 'not':
      checkCondition(c.of, file, path, findings, definitions, problems);
      return;
    case 'def':
    case 'riskGroup':
      return;
  }
}

/** Problems across rules: duplicate ids, displacement by a lower rule, misplaced nothing_above, unknown tier lists. */
export function checkRules(rules: readonly RuleDef[], lists: ReadonlyMap<string, readonly Condition[]>, problems: ContentProblem[]): void {
  const byId = new Map(rules.map((r) => [r.id, r]));
  rules.forEach((r, i) => {
    const at = (message: string, expected: string): void => { problems.push({ file: 'rules.yaml', path: `rules[${String(i)}] (${r.id})`, message, expected }); };
    if (rules.findIndex((x) => x.id === r.id) !== i) at(`duplicate rule id ${r.id}`, 'unique ids');
    for (const d of r.displacedBy ?? []) {
      const other = byId.get(d);
      if (!other) at(`displaced_by names an unknown rule ${d}`, 'a rule id');
      else if (levelRank(other.level) <= levelRank(r.level)) at(`displaced_by ${d} is not of a higher level`, 'a rule of a higher level');
    }
    if (r.nothingAbove === true && r.level !== 'self_care') at('nothing_above is for self-care rules', 'level: self_care');
    if (r.tiers && !lists.has(r.tiers.list)) at(`tiers name an unknown list ${r.tiers.list}`, [...lists.keys()].join(', '));
    // Principle 9: safety-netting is generated from the rules, so every emergency and urgent rule says its sign.
    if ((r.level === 'emergency' || r.level === 'urgent') && r.warning === undefined) at(`${r.level} rule ${r.id} has no warning sign`, 'warning: {text, signs, keywords}');
  });
}
