// The `creak` command line: content lint and vignette evaluation for the safety lead, and clinic maintenance.
import { ConfigError } from '../config.js';
import { runClinicCommand } from './clinic-commands.js';
import { runDiff } from './diff-command.js';
import { runEval } from './eval-command.js';
import { runLint } from './lint-command.js';
import { runSafetyCase } from './safety-case-command.js';

const USAGE = `Usage:
  creak lint [--today YYYY-MM-DD]            check the clinical content and the articles
  creak eval <vignettes.yaml …> [--json]     run vignettes and print the audit metrics
  creak safety-case [--json] [--out report.html] [--today YYYY-MM-DD] [--dev-vignettes file] [--shared-hazards file] [vignettes.yaml …]
                                             build the clinical safety case report; fails when it does not hold
  creak diff <before> <after> [vignettes.yaml …] [--json]
                                             what changed between two content folders or git revisions, for sign-off
  creak setup-link                           print a one-time link to create the first admin
  creak create-admin <email> <name>          create an admin (password on standard input or CREAK_ADMIN_PASSWORD)
  creak purge                                delete submissions past the retention period (audited)
  creak delete <reference>                   delete one person's submission by its reference (audited)`;

const CLINIC = new Set(['setup-link', 'create-admin', 'purge', 'delete']);
const [command, ...args] = process.argv.slice(2);
if (command === 'lint') {
  process.exitCode = runLint(args);
} else if (command === 'eval') {
  process.exitCode = runEval(args);
} else if (command === 'diff') {
  process.exitCode = runDiff(args);
} else if (command === 'safety-case') {
  process.exitCode = await runSafetyCase(args);
} else if (command !== undefined && CLINIC.has(command)) {
  process.exitCode = await runClinicCommand(command, args).catch((err: unknown) => {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`creak: the configuration is invalid.\n${err.problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  });
} else {
  console.log(USAGE);
  process.exitCode = command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}
