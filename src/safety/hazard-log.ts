// Loads the hazard log: the product's hazards (content/safety/hazards.yaml) and a clinic's own (content/safety/clinic-hazards.yaml).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ContentProblem } from '../content/content-problem.js';
import { readYamlFile } from '../content/zod-problems.js';
import type { Score } from './risk-matrix.js';

export const HAZARD_STATUSES = ['open', 'closed', 'transferred'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const PRODUCT_HAZARDS_FILE = 'safety/hazards.yaml';
export const CLINIC_HAZARDS_FILE = 'safety/clinic-hazards.yaml';

const text = z.string().trim().min(1);
const score = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const assessment = z.strictObject({ severity: score, likelihood: score, reason: text });
const path = z.string().regex(/^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/, 'a path inside the repository, such as src/engine/properties.test.ts')
  .refine((p) => !p.split('/').some((part) => part === '..' || part === '.'), 'a path inside the repository, without . or .. parts');

const controlSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('rule'), rules: z.array(z.string().regex(/^[A-Z][0-9]+$/, 'a rule id such as E1')).min(1), description: text }),
  z.strictObject({ type: z.literal('check'), check: text, description: text }),
  z.strictObject({ type: z.literal('test'), file: path, name: text, description: text }),
  z.strictObject({ type: z.literal('eval'), gate: text, description: text }),
  z.strictObject({ type: z.literal('feature'), feature: text, file: path, name: text }),
  z.strictObject({ type: z.literal('document'), file: path, section: text, description: text }),
]);

const hazardSchema = z.strictObject({
  id: z.string().regex(/^[HL][0-9]+$/, 'H and a number for the product, L and a number for the clinic'),
  title: text,
  description: text,
  causes: z.array(text).min(1),
  harms: z.array(text).min(1),
  initial: assessment,
  controls: z.array(controlSchema).min(1),
  residual: assessment,
  status: z.enum(HAZARD_STATUSES),
});

const fileSchema = z.strictObject({ hazards: z.array(hazardSchema) });

export type Control = z.infer<typeof controlSchema>;
export type ControlType = Control['type'];
export type Hazard = z.infer<typeof hazardSchema> & {
  /** The product's log or the clinic's own. */
  source: 'product' | 'clinic';
  file: string;
};
export interface Assessment { severity: Score; likelihood: Score; reason: string }

const EXPECTED: Readonly<Record<string, string>> = {
  hazards: 'a list of hazards under the top-level key "hazards"',
  id: 'H1, H2 … in the product log; L1, L2 … in the clinic\'s own',
  title: 'a short name', causes: 'a list of causes', harms: 'a list of possible harms',
  initial: '{severity, likelihood, reason} before the controls', residual: '{severity, likelihood, reason} after the controls',
  severity: '1 (minor) to 5 (catastrophic)', likelihood: '1 (very low) to 5 (very high)', reason: 'why, as text',
  controls: 'a list of controls, each with a type: rule, check, test, eval, feature or document',
  type: 'rule, check, test, eval, feature or document',
  rules: 'a list of rule ids', check: 'a lint check id (src/content/lint-checks.ts)', file: 'a file of the repository',
  name: 'the exact name of a test in that file', gate: 'an eval gate id', feature: 'what the page does, as text',
  section: 'a heading of that document', description: 'what goes wrong (a hazard) or what the control does (a control), as text', status: HAZARD_STATUSES.join(', '),
};

function readFile(file: string, source: Hazard['source'], idPrefix: 'H' | 'L'): { hazards: Hazard[]; problems: ContentProblem[] } {
  const read = readYamlFile(file, fileSchema, EXPECTED);
  if (read.problems !== undefined) return { hazards: [], problems: read.problems };
  const problems: ContentProblem[] = [];
  read.data.hazards.forEach((h, i) => {
    if (!h.id.startsWith(idPrefix)) problems.push({ file, path: `hazards.${String(i)}.id`, message: `hazard ${h.id} does not start with ${idPrefix}`, expected: EXPECTED.id ?? '' });
  });
  return { hazards: read.data.hazards.map((h) => ({ ...h, source, file })), problems };
}

/**
 * Reads the product's hazard log and, when present, the clinic's own beside it (DCB0160: the deploying
 * clinic records its local hazards in the same form). Returns every hazard and every problem found.
 */
export function readHazardLog(contentDir: string): { hazards: Hazard[]; problems: ContentProblem[] } {
  const product = join(contentDir, PRODUCT_HAZARDS_FILE);
  if (!existsSync(product)) return { hazards: [], problems: [{ file: product, path: '', message: 'the hazard log is missing', expected: `content/${PRODUCT_HAZARDS_FILE}` }] };
  const parts = [readFile(product, 'product', 'H')];
  const clinic = join(contentDir, CLINIC_HAZARDS_FILE);
  if (existsSync(clinic)) parts.push(readFile(clinic, 'clinic', 'L'));
  const hazards = parts.flatMap((p) => p.hazards);
  const problems = parts.flatMap((p) => p.problems);
  const seen = new Set<string>();
  for (const h of hazards) {
    if (seen.has(h.id)) problems.push({ file: h.file, path: h.id, message: `hazard id ${h.id} is used twice`, expected: 'each hazard id once' });
    seen.add(h.id);
  }
  return { hazards, problems };
}

/** The hazard ids of the shared starting log (rows "| H1 | …" of hazards.md), to check none is left out. */
export function startingHazardIds(markdown: string): string[] {
  return [...markdown.matchAll(/^\|\s*(H\d+)\s*\|/gm)].map((m) => m[1] ?? '');
}
