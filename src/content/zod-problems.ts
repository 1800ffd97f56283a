// Turns zod issues into precise content problems (file, path, what is wrong, what was expected).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
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

/**
 * Reads a YAML file and checks it against `schema`: its data, or every problem (a file that cannot be read or
 * parsed is one problem; each schema issue is one, as zodProblems gives them). `empty` stands in for an empty file.
 */
export function readYamlFile<S extends z.ZodType>(
  file: string, schema: S, expected: Readonly<Record<string, string>>, options: { knownFields?: readonly string[]; empty?: unknown } = {},
): { data: z.output<S>; problems?: undefined } | { data?: undefined; problems: ContentProblem[] } {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'), { schema: 'core' });
  } catch (error) {
    return { problems: [{ file, path: '', message: `cannot read: ${(error as Error).message.split('\n')[0] ?? ''}`, expected: 'a readable YAML file' }] };
  }
  const result = schema.safeParse(data ?? options.empty, { reportInput: true });
  return result.success ? { data: result.data } : { problems: zodProblems(file, result.error, expected, options.knownFields) };
}
