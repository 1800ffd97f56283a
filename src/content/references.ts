// Loads the single reference list (content/references.yaml plus content/references-extra-*.yaml).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ContentFileError, type ContentProblem } from './content-problem.js';
import { zodProblems } from './zod-problems.js';

export const REFERENCE_KINDS = ['study', 'review', 'guideline', 'pathway', 'clinic-policy'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface Reference {
  id: string;
  citation: string;
  doi?: string;
  url?: string;
  kind: ReferenceKind;
  verified: boolean;
  note?: string;
}

export const REFERENCE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const referenceSchema = z.strictObject({
  id: z.string().regex(REFERENCE_ID),
  citation: z.string().trim().min(1),
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/).optional(),
  url: z.string().regex(/^https?:\/\/\S+$/).optional(),
  kind: z.enum(REFERENCE_KINDS),
  verified: z.boolean(),
  note: z.string().optional(),
});

const fileSchema = z.strictObject({ references: z.array(referenceSchema) });

const EXPECTED: Readonly<Record<string, string>> = {
  references: 'a list of references under the top-level key "references"',
  id: 'a lowercase id of letters, digits and hyphens, e.g. "kawchuk-2015"',
  citation: 'the full citation as text',
  doi: 'a DOI such as "10.1371/journal.pone.0119470" (no https://doi.org/ prefix)',
  url: 'an http(s) URL',
  kind: `one of ${REFERENCE_KINDS.join(', ')}`,
  verified: 'true or false',
  note: 'text',
};

/** The files that make up the reference list, main file first. */
export function referenceFiles(dir: string): string[] {
  const extras = readdirSync(dir).filter((f) => /^references-extra-[a-z0-9-]+\.yaml$/.test(f)).sort();
  return ['references.yaml', ...extras].map((f) => join(dir, f));
}

/** Reads and checks the reference list, returning the references and every problem found. */
export function readReferences(dir = 'content'): { references: Map<string, Reference>; problems: ContentProblem[] } {
  const references = new Map<string, Reference>();
  const from = new Map<string, string>();
  const problems: ContentProblem[] = [];
  for (const file of referenceFiles(dir)) {
    let data: unknown;
    try {
      data = parse(readFileSync(file, 'utf8'), { schema: 'core' });
    } catch (err) {
      problems.push({ file, path: '', message: `cannot read: ${(err as Error).message}`, expected: 'a readable YAML file' });
      continue;
    }
    const result = fileSchema.safeParse(data);
    if (!result.success) {
      problems.push(...zodProblems(file, result.error, EXPECTED, Object.keys(referenceSchema.shape)));
      continue;
    }
    result.data.references.forEach((ref, i) => {
      const first = from.get(ref.id);
      if (first !== undefined) {
        problems.push({ file, path: `references.${i}.id`, message: `duplicate reference id "${ref.id}" (already in ${first})`, expected: 'each id once across all reference files' });
        return;
      }
      from.set(ref.id, file);
      references.set(ref.id, stripUndefined(ref));
    });
  }
  return { references, problems };
}

function stripUndefined(ref: z.infer<typeof referenceSchema>): Reference {
  const out: Reference = { id: ref.id, citation: ref.citation, kind: ref.kind, verified: ref.verified };
  if (ref.doi !== undefined) out.doi = ref.doi;
  if (ref.url !== undefined) out.url = ref.url;
  if (ref.note !== undefined) out.note = ref.note;
  return out;
}

/**
 * Loads the reference list: content/references.yaml plus any content/references-extra-*.yaml.
 * Throws ContentFileError listing every problem (bad shape, duplicate ids across files).
 */
export function loadReferences(dir = 'content'): ReadonlyMap<string, Reference> {
  const { references, problems } = readReferences(dir);
  if (problems.length > 0) throw new ContentFileError(problems);
  return references;
}

/** The link for a reference: its DOI resolver address, else its URL, else none (e.g. clinic policy). */
export function referenceLink(ref: Reference): string | undefined {
  return ref.doi !== undefined ? `https://doi.org/${ref.doi}` : ref.url;
}
