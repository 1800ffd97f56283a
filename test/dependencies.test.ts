// The dependency list: every locked package admits the README's Node (no EBADENGINE on a clean npm ci), and every
// declared runtime dependency is used, so nothing is installed and shipped for no reason.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import semver from 'semver';

interface PackageJson {
  engines: { node: string };
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
}
interface Lockfile { packages: Record<string, { version?: string; engines?: Record<string, string> | string[] }> }

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lockfile;

/** Source files of the service and its tools (tests and benchmarks do not count as use). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('dependencies', () => {
  it('all admit the oldest Node the README supports', () => {
    const oldest = semver.minVersion(pkg.engines.node)?.version;
    assert.ok(oldest !== undefined, `engines.node "${pkg.engines.node}" has no lowest version`);
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return range === undefined || semver.satisfies(oldest, range) ? [] : [`${path.replace(/^.*node_modules\//, '')}@${entry.version ?? '?'} needs node ${range}`];
      });
    assert.deepEqual(refusing, [], `these would warn EBADENGINE on Node ${oldest}`);
  });

  it('are each imported by the service or its tools', () => {
    const text = ['src', 'bin', 'scripts', 'client'].flatMap(sources).map((f) => readFileSync(f, 'utf8')).join('\n') + Object.values(pkg.scripts).join('\n');
    const unused = Object.keys(pkg.dependencies).filter((name) => {
      const quoted = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      return !new RegExp(`(from |import\\(|--import )['"]?${quoted}(['"/]|\\s|$)`, 'm').test(text);
    });
    assert.deepEqual(unused, []);
  });
});
