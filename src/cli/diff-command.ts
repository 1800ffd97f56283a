// `creak diff <before> <after>`: what changed in the content between two folders or git revisions, for sign-off.
import { diffContent, type VignetteSuite } from '../safety/content-diff.js';
import { formatDiff } from '../safety/diff-report.js';
import { contentSnapshot, type ContentSnapshot } from '../safety/content-snapshot.js';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_VIGNETTES_DIR, sharedDefaults } from '../safety/safety-case.js';
import { optionValue, positional } from './cli-options.js';

const VALUED = ['--dev-vignettes'];

function suites(root: string, devFile: string, given: readonly string[]): VignetteSuite[] {
  const projectDir = join(root, PROJECT_VIGNETTES_DIR);
  const project = existsSync(projectDir) ? readdirSync(projectDir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(PROJECT_VIGNETTES_DIR, f)) : [];
  return [
    existsSync(devFile) ? { suite: 'development', files: [devFile] } : { suite: 'development', files: [], absent: `absent (${devFile})` },
    { suite: 'project', files: project },
    given.length > 0 ? { suite: 'given', files: given } : { suite: 'given', files: [], absent: 'none given' },
  ];
}

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
    const diff = diffContent(b.dir, a.dir, { before: b.label, after: a.label }, suites(root, devFile, given));
    console.log(args.includes('--json') ? JSON.stringify(diff, null, 2) : formatDiff(diff));
    return diff.vignettes.compared ? 0 : 1;
  } finally {
    b.cleanup();
    a.cleanup();
  }
}
