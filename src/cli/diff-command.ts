// `creak diff <before> <after>`: what changed in the content between two folders or git revisions, for sign-off.
import { diffContent } from '../safety/content-diff.js';
import { formatDiff } from '../safety/diff-report.js';
import { contentSnapshot, type ContentSnapshot } from '../safety/content-snapshot.js';
import { sharedDefaults, suiteInputs } from '../safety/safety-case.js';
import { optionValue, positional } from './cli-options.js';

const VALUED = ['--dev-vignettes'];

/**
 * Prints the diff (or --json). Returns 0 when both sides were compared, 1 when a side could not be loaded by the
 * current code (the text differences are still printed, the vignettes are not run), 2 on bad arguments.
 */
export function runDiff(args: readonly string[]): number {
  const [before, after, ...given] = positional(args, VALUED);
  if (before === undefined || after === undefined) {
    console.error('Usage: creak diff <before> <after> [vignettes.yaml …] [--json] [--dev-vignettes file]\n  each side is a content folder or a git revision (its content/ folder)');
    return 2;
  }
  // Paths are relative to the checkout (the command runs at its top), so reports carry no machine paths.
  const root = '.';
  const opened: ContentSnapshot[] = [];
  try {
    for (const spec of [before, after]) opened.push(contentSnapshot(spec, root));
  } catch (error) {
    for (const s of opened) s.cleanup();
    console.error(`creak diff: ${(error as Error).message}`);
    return 2;
  }
  const [b, a] = opened as [ContentSnapshot, ContentSnapshot];
  try {
    const devFile = optionValue(args, '--dev-vignettes') ?? sharedDefaults(root).devVignettes;
    const diff = diffContent(b.dir, a.dir, { before: b.label, after: a.label }, suiteInputs({ root, devVignettes: devFile, extraVignettes: given }));
    console.log(args.includes('--json') ? JSON.stringify(diff, null, 2) : formatDiff(diff));
    return diff.vignettes.compared ? 0 : 1;
  } finally {
    b.cleanup();
    a.cleanup();
  }
}
