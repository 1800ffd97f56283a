// Runs the shared development vignettes through the engine: all must match (the project's own set: test/vignettes/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { loadClinicalContent } from '../src/content/clinical-loader.js';
import { formatMetrics, metrics } from '../src/eval/metrics.js';
import { simulate } from '../src/eval/simulate.js';
import { loadVignettes } from '../src/eval/vignettes.js';

const content = loadClinicalContent();
const SHARED = '../shared/clinical/vignettes/dev.yaml';

function check(files: string[]): void {
  const m = metrics(loadVignettes(files).map((v) => simulate(content, v)));
  console.log(formatMetrics(m));
  assert.equal(m.emergencyUnder, 0, 'an emergency vignette was under-triaged');
  assert.equal(m.noOutcome, 0, 'a vignette reached no outcome');
  assert.deepEqual(m.mismatches, [], 'every vignette must match');
}

test('the shared development vignettes all match', { skip: existsSync(SHARED) ? false : `the shared vignettes (${SHARED}) are not beside this checkout` }, () => {
  check([SHARED]);
});
