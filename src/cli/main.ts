// The `creak` command line: content lint and vignette evaluation for the safety lead, and clinic maintenance.
import { ConfigError } from '../config.js';
import { runClinicCommand } from './clinic-commands.js';
import { runEval } from './eval-command.js';
import { runLint } from './lint-command.js';

const USAGE = `Usage:
  creak lint                                 check the clinical content and the articles
  creak eval <vignettes.yaml …> [--json]     run vignettes and print the audit metrics
  creak setup-link                           print a one-time link to create the first admin
  creak create-admin <email> <name>          create an admin (password on standard input or CREAK_ADMIN_PASSWORD)
  creak purge                                delete submissions past the retention period (audited)
  creak delete <reference>                   delete one person's submission by its reference (audited)`;

const CLINIC = new Set(['setup-link', 'create-admin', 'purge', 'delete']);
const [command, ...args] = process.argv.slice(2);
if (command === 'lint') {
  process.exitCode = runLint();
} else if (command === 'eval') {
  process.exitCode = runEval(args);
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
