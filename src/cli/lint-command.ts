// `creak lint`: the clinical content checks and the articles' content lint, with the readability report.
import { loadClinicalContent, ContentError } from '../content/clinical-loader.js';
import { lintClinical } from '../content/clinical-lint.js';
import { lintContent } from '../content/content-lint.js';
import { formatProblem, type ContentProblem } from '../content/content-problem.js';

/** Prints every problem; returns 1 if there are any. */
export function runLint(): number {
  let problems: ContentProblem[];
  try {
    const clinical = loadClinicalContent();
    const content = lintContent({ articlesDir: 'content/articles', contentDir: 'content', clinical, now: new Date() });
    problems = [...lintClinical(clinical), ...content.problems];
    console.log(`content version ${clinical.version}: ${String(clinical.rules.length)} rules, ${String(clinical.questions.length)} questions, ${String(clinical.findings.size)} findings`);
    console.log(`articles: ${String(content.counts.articles)} (${String(content.counts.published)} published), ${String(content.counts.words)} words, ${String(content.counts.references)} references`);
    const a = content.readability.articleSummary;
    const u = content.readability.uiSummary;
    const worst = (d: typeof a): string => (d.worstFre ? `${d.worstFre.fre.toFixed(1)} (${d.worstFre.name})` : '-');
    console.log(`readability (Flesch reading ease): articles median ${a.medianFre.toFixed(1)}, worst ${worst(a)}; interface text median ${u.medianFre.toFixed(1)}, worst ${worst(u)}`);
    for (const s of content.skipped) console.log(`skipped: ${s}`);
    for (const u of content.unverified) console.log(`unverified reference (not cited, kept as a record): ${u}`);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems = [...error.problems];
  }
  for (const p of problems) console.log(`PROBLEM ${formatProblem(p)}`);
  console.log(problems.length === 0 ? 'lint: no problems' : `lint: ${String(problems.length)} problem(s)`);
  return problems.length === 0 ? 0 : 1;
}
