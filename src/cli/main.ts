// The `creak` command line: content lint and the vignette evaluation, for the clinical safety lead.
import { runEval } from './eval-command.js';
import { runLint } from './lint-command.js';

const USAGE = `Usage:
  creak lint                         check the clinical content and the articles
  creak eval <vignettes.yaml …> [--json]   run vignettes and print the audit metrics`;

const [command, ...args] = process.argv.slice(2);
if (command === 'lint') {
  process.exitCode = runLint();
} else if (command === 'eval') {
  process.exitCode = runEval(args);
} else {
  console.log(USAGE);
  process.exitCode = command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}
