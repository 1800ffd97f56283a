// `creak lint`: the clinical content checks and the articles' content lint, with the readability report.
import { formatProblem } from '../content/content-problem.js';
import { lintAll } from '../content/lint-all.js';
import { todayOption } from './cli-options.js';

/** Prints every problem and warning; returns 1 if there are any problems (warnings do not fail). */
export function runLint(args: readonly string[] = []): number {
  const today = todayOption(args);
  if (!today.ok) {
    console.error(`creak lint: ${today.problem}`);
    return 2;
  }
  const { clinical, content, problems, warnings } = lintAll('content', today.now);
  if (clinical !== undefined && content !== undefined) {
    console.log(`content version ${clinical.version}: ${String(clinical.rules.length)} rules, ${String(clinical.questions.length)} questions, ${String(clinical.findings.size)} findings`);
    console.log(`articles: ${String(content.counts.articles)} (${String(content.counts.published)} published), ${String(content.counts.words)} words, ${String(content.counts.references)} references`);
    const a = content.readability.articleSummary;
    const u = content.readability.uiSummary;
    const worst = (d: typeof a): string => (d.worstFre ? `${d.worstFre.fre.toFixed(1)} (${d.worstFre.name})` : '-');
    console.log(`readability (Flesch reading ease): articles median ${a.medianFre.toFixed(1)}, worst ${worst(a)}; interface text median ${u.medianFre.toFixed(1)}, worst ${worst(u)}`);
    for (const s of content.skipped) console.log(`skipped: ${s}`);
    for (const v of content.unverified) console.log(`unverified reference (not cited, kept as a record): ${v}`);
  }
  for (const w of warnings) console.log(`WARNING ${formatProblem(w)} [${w.check}]`);
  for (const p of problems) console.log(`PROBLEM ${formatProblem(p)} [${p.check}]`);
  console.log(problems.length === 0 ? 'lint: no problems' : `lint: ${String(problems.length)} problem(s)`);
  return problems.length === 0 ? 0 : 1;
}
