// Content sign-offs (content/safety/signoffs.yaml): which content versions a clinical safety officer has reviewed and accepted.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isoDate } from '../content/articles.js';
import { ContentFileError, type ContentProblem } from '../content/content-problem.js';
import { readYamlFile } from '../content/zod-problems.js';

export const SIGNOFFS_FILE = 'safety/signoffs.yaml';

const signoffSchema = z.strictObject({
  content_version: z.string().regex(/^[0-9a-f]{12}$/, 'a content version: 12 lower-case hex digits'),
  name: z.string().trim().min(1),
  role: z.string().trim().min(1),
  date: isoDate,
  reviewed: z.string().trim().min(1),
  previous_version: z.string().regex(/^[0-9a-f]{12}$/).optional(),
});

const fileSchema = z.strictObject({ signoffs: z.array(signoffSchema) });

const EXPECTED: Readonly<Record<string, string>> = {
  signoffs: 'a list of sign-offs under the top-level key "signoffs" (an empty list: [])',
  content_version: 'the content version signed off, as shown by `creak lint` and on every result',
  name: 'the name of the person who signed off', role: 'their role, e.g. "Clinical safety officer"',
  date: 'the day of the sign-off, as YYYY-MM-DD',
  reviewed: 'what was reviewed: the content diff, the safety case report and its date',
  previous_version: 'the content version the change was reviewed against',
};

export interface Signoff {
  contentVersion: string;
  name: string;
  role: string;
  date: string;
  reviewed: string;
  previousVersion?: string;
}

/** Whether the running content version is signed off, and by whom (the latest sign-off of that version). */
export interface SignoffStatus {
  contentVersion: string;
  signedOff: boolean;
  signoff?: Signoff;
}

/** Reads the sign-offs; a missing file means none. Returns every problem found. */
export function readSignoffs(contentDir: string): { signoffs: Signoff[]; problems: ContentProblem[] } {
  const file = join(contentDir, SIGNOFFS_FILE);
  if (!existsSync(file)) return { signoffs: [], problems: [] };
  const read = readYamlFile(file, fileSchema, EXPECTED, { knownFields: Object.keys(signoffSchema.shape), empty: { signoffs: [] } });
  if (read.problems !== undefined) return { signoffs: [], problems: read.problems };
  return {
    signoffs: read.data.signoffs.map((s) => ({
      contentVersion: s.content_version, name: s.name, role: s.role, date: s.date, reviewed: s.reviewed,
      ...(s.previous_version === undefined ? {} : { previousVersion: s.previous_version }),
    })),
    problems: [],
  };
}

/** Loads the sign-offs; throws ContentFileError on an invalid file (the service refuses to start on it). */
export function loadSignoffs(contentDir: string): Signoff[] {
  const { signoffs, problems } = readSignoffs(contentDir);
  if (problems.length > 0) throw new ContentFileError(problems);
  return signoffs;
}

/** The sign-off status of a content version: signed off when some sign-off names it (the latest is shown). */
export function signoffStatus(signoffs: readonly Signoff[], contentVersion: string): SignoffStatus {
  const mine = signoffs.filter((s) => s.contentVersion === contentVersion).sort((a, b) => b.date.localeCompare(a.date));
  const latest = mine[0];
  return latest === undefined ? { contentVersion, signedOff: false } : { contentVersion, signedOff: true, signoff: latest };
}
