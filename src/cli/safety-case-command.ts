// `creak safety-case`: builds the clinical safety case report from the hazard log and live evidence; fails when it does not hold.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { renderSafetyCaseHtml } from '../safety/report-html.js';
import { buildSafetyCase, sharedDefaults, type SafetyCase } from '../safety/safety-case.js';
import { optionValue, positional, todayOption } from './cli-options.js';

const VALUED = ['--out', '--today', '--dev-vignettes', '--shared-hazards'];
export const DEFAULT_REPORT = 'artifacts/safety-case.html';

function summary(sc: SafetyCase, out: string | undefined): string {
  const lines = [
    `content version ${sc.contentVersion ?? 'not loaded'}: ${sc.signoff?.signedOff === true ? 'signed off' : 'NOT signed off'}`,
    `hazards: ${String(sc.hazards.length)}; residual ratings: ${sc.hazards.map((h) => `${h.id} ${String(h.residual.rating)}`).join(', ')}`,
    ...sc.eval.map((s) => `${s.suite} vignettes: ${s.absent ?? s.gates.map((g) => `${g.gate} ${g.status}`).join(', ')}`),
    `lint: ${String(sc.lint.problems.length)} problem(s), ${String(sc.lint.warnings.length)} warning(s)`,
    ...(out === undefined ? [] : [`report: ${out}`]),
    ...sc.failures.map((f) => `FAIL ${f}`),
    sc.ok ? 'safety case: passes' : `safety case: FAILS (${String(sc.failures.length)} reason(s))`,
  ];
  return lines.join('\n');
}

/** Returns the exit status: 0 when the safety case holds, 1 when it fails (each reason printed), 2 on bad options. */
export async function runSafetyCase(args: readonly string[]): Promise<number> {
  const today = todayOption(args);
  if (!today.ok) {
    console.error(`creak safety-case: ${today.problem}`);
    return 2;
  }
  let clinicName: string;
  try {
    clinicName = loadConfig().clinic.name;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 2;
  }
  const json = args.includes('--json');
  // Paths are relative to the checkout (the command runs at its top), so reports carry no machine paths.
  const root = '.';
  const defaults = sharedDefaults(root);
  const sc = buildSafetyCase({
    root, contentDir: 'content', now: today.now,
    devVignettes: optionValue(args, '--dev-vignettes') ?? defaults.devVignettes,
    sharedHazards: optionValue(args, '--shared-hazards') ?? defaults.sharedHazards,
    extraVignettes: positional(args, VALUED),
  });
  const out = optionValue(args, '--out') ?? (json ? undefined : DEFAULT_REPORT);
  if (out !== undefined) {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, await renderSafetyCaseHtml(sc, clinicName));
  }
  if (json) console.log(JSON.stringify(sc, null, 2));
  else console.log(summary(sc, out));
  if (json && !sc.ok) console.error(sc.failures.map((f) => `FAIL ${f}`).join('\n'));
  return sc.ok ? 0 : 1;
}
