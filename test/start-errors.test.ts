// Starting the server or a clinic command with a bad setting ends with the same short message for every setting:
// what is wrong and with which variable, and never a stack trace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const dir = mkdtempSync(join(tmpdir(), 'creak-start-'));
after(() => { rmSync(dir, { recursive: true, force: true }); });

function run(args: string[], env: Record<string, string>): { status: number | null; err: string } {
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', PORT: '0', PRINT_SETUP_LINK: 'false', ...env },
  });
  return { status: r.status, err: `${r.stdout}${r.stderr}` };
}

const STACK = /^\s+at /m;

describe('a bad setting at start', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['an application setting', { PORT: 'abc' }, /PORT: must be a whole number/],
    ['a clinic setting that is not a number', { RETENTION_DAYS: 'abc' }, /RETENTION_DAYS: must be a whole number from 0 to 36500/],
    ['a clinic setting out of range', { SESSION_IDLE_MINUTES: '0' }, /SESSION_IDLE_MINUTES: must be a whole number from 1 to 1440/],
    ['a clinic setting with a bad form', { OPENING_TIMES: 'whenever' }, /OPENING_TIMES: /],
    ['an unknown time zone', { CLINIC_TIME_ZONE: 'Mars/Olympus' }, /CLINIC_TIME_ZONE: unknown time zone/],
    ['a database that cannot be reached', { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, /database/i],
  ];
  for (const [name, env, message] of cases) {
    it(`${name}: one clean message naming it, exit 1, no stack trace`, () => {
      const r = run(['--import', 'tsx', 'src/server/main.ts'], env);
      assert.equal(r.status, 1, r.err);
      assert.match(r.err, /^Creak cannot start/m);
      assert.match(r.err, message);
      assert.doesNotMatch(r.err, STACK, r.err);
    });
  }

  it('the clinic commands report a bad clinic setting the same way', () => {
    const r = run(['bin/creak.js', 'purge'], { RETENTION_DAYS: 'abc' });
    assert.equal(r.status, 1, r.err);
    assert.match(r.err, /RETENTION_DAYS: must be a whole number from 0 to 36500/);
    assert.doesNotMatch(r.err, STACK, r.err);
  });
});
