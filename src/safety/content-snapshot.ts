// A content folder to compare: a folder as it is, or the content folder of a git revision copied out into a temporary folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

export interface ContentSnapshot {
  /** The folder holding clinical/, articles/ and the reference list. */
  dir: string;
  /** What was asked for, as given: a folder or a revision (with its commit). */
  label: string;
  /** Removes the temporary copy of a revision (nothing for a folder). */
  cleanup(): void;
}

const git = (root: string, args: readonly string[]): Buffer =>
  execFileSync('git', ['-C', root, ...args], { maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });

/** The commit a revision names, or undefined if it names none. */
function commitOf(root: string, spec: string): string | undefined {
  if (spec.startsWith('-')) return undefined;
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', `${spec}^{commit}`]).toString('utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * A folder given as is, or a git revision of the repository at `root` whose `contentPath` folder is written
 * out file by file (`git ls-tree` and `git show`) into a temporary folder. Throws with a plain message when
 * the argument is neither, or the revision has no content folder.
 */
export function contentSnapshot(spec: string, root: string, contentPath = 'content'): ContentSnapshot {
  if (existsSync(spec) && statSync(spec).isDirectory()) return { dir: spec, label: spec, cleanup: () => undefined };
  const commit = commitOf(root, spec);
  if (commit === undefined) throw new Error(`"${spec}" is neither a content folder nor a git revision of this repository`);
  const files = git(root, ['ls-tree', '-r', '-z', '--name-only', commit, '--', `${contentPath}/`]).toString('utf8').split('\0').filter((f) => f !== '');
  if (files.length === 0) throw new Error(`revision ${spec} (${commit.slice(0, 12)}) has no ${contentPath}/ folder`);
  const dir = mkdtempSync(join(tmpdir(), 'creak-diff-'));
  for (const file of files) {
    const target = join(dir, relative(contentPath, file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, git(root, ['show', `${commit}:${file}`]));
  }
  return { dir, label: `${spec} (${commit.slice(0, 12)})`, cleanup: () => { rmSync(dir, { recursive: true, force: true }); } };
}
