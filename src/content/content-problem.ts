// One problem found in a content file, and the error that carries a list of them.
import type { LintCheck } from './lint-checks.js';

/** A precise content problem: which file, where in it, what is wrong and what was expected. */
export interface ContentProblem {
  file: string;
  /** Dotted path inside the file (e.g. "tags.2"), or "" for the file as a whole. */
  path: string;
  message: string;
  expected: string;
  /** The lint check it belongs to, where the code that found it knows (else the lint assigns one). */
  check?: LintCheck;
}

/** Thrown by the article and reference loaders when content is invalid; lists every problem found. */
export class ContentFileError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    super(`Invalid content:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentFileError';
    this.problems = problems;
  }
}

/** One line per problem, for error messages and the lint CLI. */
export function formatProblem(p: ContentProblem): string {
  const where = p.path === '' ? p.file : `${p.file} (${p.path})`;
  return `${where}: ${p.message}; expected ${p.expected}`;
}
