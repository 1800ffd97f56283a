// Tests of reading test names from source without running the tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { testNames } from './test-names.js';

test('reads quoted names of test, it, describe and suite, with escapes and quotes inside', () => {
  const source = [
    "test('turning a red flag from \"no\" to \"yes\" never lowers the level', () => {});",
    'describe("staff access", () => {',
    "  it('doesn\\'t leak', async () => {});",
    '  it.skip(`plain template`, () => {});',
    '  it(`per vignette ${v.id}`, () => {});',
    '});',
    "suite('a suite', () => {}); latest('not a test');",
    "const x = attest('nope');",
  ].join('\n');
  assert.deepEqual(testNames(source), [
    'turning a red flag from "no" to "yes" never lowers the level', 'staff access', "doesn't leak", 'plain template', 'a suite',
  ]);
});

test('reads the names of a real test file', () => {
  const names = testNames(readFileSync('src/engine/properties.test.ts', 'utf8'));
  assert.ok(names.includes('is deterministic'), names.join('\n'));
  assert.ok(names.includes('an unsure answer never gives a level more than one below what "yes" gives'));
});
