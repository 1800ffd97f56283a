// Runs every test file with node's test runner. Node 20 neither expands globs nor finds .ts files
// by itself (and then exits 0 having run nothing), so we list the files and refuse an empty list.
// --no-browser leaves out the browser tests (*.e2e.test.ts), for the run on the next Node LTS.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const noBrowser = process.argv.includes('--no-browser');
const walk = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  if (name === 'node_modules' || name.startsWith('.')) return [];
  return statSync(path).isDirectory() ? walk(path) : [path];
});
const files = (roots.length ? roots : ['src', 'test'])
  .flatMap((r) => (statSync(r).isDirectory() ? walk(r) : [r]))
  .filter((f) => /\.test\.tsx?$/.test(f) && !(noBrowser && /\.e2e\.test\.tsx?$/.test(f)))
  .sort();
if (files.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(1);
}
const result = spawnSync(process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit' });
process.exit(result.status ?? 1);
