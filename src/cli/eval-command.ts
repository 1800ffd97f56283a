// `creak eval`: runs vignette files and prints the metrics; fails on emergency under-triage or no outcome.
import { loadClinicalContent } from '../content/clinical-loader.js';
import { formatMetrics, metrics } from '../eval/metrics.js';
import { simulate } from '../eval/simulate.js';
import { loadVignettes } from '../eval/vignettes.js';

/** Returns the exit status: 1 on any under-triage of an emergency vignette or any vignette without an outcome. */
export function runEval(args: readonly string[]): number {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length === 0) {
    console.error('creak eval: name one or more vignette files');
    return 2;
  }
  const content = loadClinicalContent();
  const m = metrics(loadVignettes(files).map((v) => simulate(content, v)));
  console.log(json ? JSON.stringify({ contentVersion: content.version, ...m }, null, 2) : `content version ${content.version}\n${formatMetrics(m)}`);
  return m.emergencyUnder > 0 || m.noOutcome > 0 ? 1 : 0;
}
