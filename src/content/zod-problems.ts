// Turns zod issues into precise content problems (file, path, what is wrong, what was expected).
import type { z } from 'zod';
import type { ContentProblem } from './content-problem.js';

type Path = readonly PropertyKey[];

/** The last named field in a path: ["references", 3, "doi"] → "doi". */
export function fieldOf(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const p = path[i];
    if (typeof p === 'string') return p;
  }
  return '';
}

/**
 * One problem per zod issue. `expected` maps a field name to a plain description of what is
 * allowed; unknown fields are reported with the list of known ones.
 */
export function zodProblems(file: string, error: z.ZodError, expected: Readonly<Record<string, string>>, knownFields: readonly string[] = []): ContentProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return {
        file, path, message: `unknown field(s): ${issue.keys.join(', ')}`,
        expected: knownFields.length > 0 ? `only these fields: ${knownFields.join(', ')}` : 'no other fields',
      };
    }
    const field = fieldOf(issue.path);
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    return {
      file, path,
      message: missing ? `missing required field "${field}"` : issue.message,
      expected: expected[field] ?? 'a valid value',
    };
  });
}
