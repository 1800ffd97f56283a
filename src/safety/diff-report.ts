// The content diff as plain text, for a clinical safety officer to read before signing off.
import type { Change } from './yaml-diff.js';
import type { ContentDiff, RunSummary } from './content-diff.js';

function change(c: Change, indent = '  '): string {
  if (c.before === undefined) return `${indent}${c.path}: added ${c.after ?? ''}`;
  if (c.after === undefined) return `${indent}${c.path}: removed (was ${c.before})`;
  return `${indent}${c.path}: ${c.before} → ${c.after}`;
}

/** A heading with how many items changed (not lines: an item may take several), then its lines. */
function section(title: string, lines: readonly string[], count = lines.length): string[] {
  return count === 0 ? [`${title}: none`] : [`${title} (${String(count)}):`, ...lines];
}

const run = (r: RunSummary): string => (r.level === null ? `no outcome (${r.failure ?? ''})` : `${r.level} [${r.rules.join(', ') || 'no rule'}]`);

/** Every change, one per line, under a heading per kind; "none" where nothing changed. */
export function formatDiff(d: ContentDiff): string {
  const out: string[] = [
    `Content change: ${d.before.label} (content version ${d.before.version}) → ${d.after.label} (content version ${d.after.version})`,
  ];
  for (const s of [d.before, d.after]) {
    if (s.ignored.length > 0) out.push(`NOTE: ${s.label} has fields the current code does not read (compared as text only): ${s.ignored.join('; ')}`);
    if (s.filled.length > 0) out.push(`NOTE: ${s.label} lacks wording the current code needs (a placeholder stands in; levels are not affected): ${s.filled.join('; ')}`);
    if (!s.loaded) out.push(`NOTE: ${s.label} cannot be loaded by the current code:`, ...s.problems.map((p) => `  ${p}`));
  }
  if (d.files.added.length + d.files.removed.length > 0) out.push(`Clinical files added: ${d.files.added.join(', ') || 'none'}; removed: ${d.files.removed.join(', ') || 'none'}`);
  out.push(
    ...section('Rules added', d.rules.added.map((r) => `  ${r.id} ${r.level}: ${r.title}`)),
    ...section('Rules removed', d.rules.removed.map((r) => `  ${r.id} ${r.level}: ${r.title}`)),
    ...section('Rules changed', d.rules.changed.flatMap((r) => [`  ${r.id} ${r.level}: ${r.title}`, ...r.changes.map((c) => change(c, '    '))]), d.rules.changed.length),
    ...section('Definitions and lists changed', d.definitions.map((c) => `${change(c)}${c.usedBy.length > 0 ? ` (used by ${c.usedBy.join(', ')})` : ''}`)),
    ...section('Findings changed', d.findings.map((c) => change(c))),
    ...section('Questions changed (wording and options)', d.questions.map((c) => change(c))),
    ...section('Advice wording changed', d.advice.map((c) => change(c))),
    ...section('Safety-netting and regions changed', d.regions.map((c) => change(c))),
    ...section('Other clinical files changed', d.other.map((c) => change(c))),
    ...section('Sources changed', d.references.map((c) => change(c))),
    ...section('Articles added', d.articles.added.map((f) => `  ${f}`)),
    ...section('Articles removed', d.articles.removed.map((f) => `  ${f}`)),
    ...section('Articles changed', d.articles.changed.flatMap((a) => [
      `  ${a.file}${a.body.changed ? `: text changed (${String(a.body.wordsBefore)} → ${String(a.body.wordsAfter)} words)` : ': text unchanged'}`,
      ...a.frontMatter.map((c) => change(c, '    ')),
    ]), d.articles.changed.length),
  );
  const v = d.vignettes;
  const ran = v.suites.map((s) => `${s.suite}: ${s.absent ?? s.files.join(', ')}`).join('; ');
  if (!v.compared) {
    out.push(`Vignettes: NOT COMPARED: ${v.note ?? ''}`);
  } else {
    out.push(`Vignettes run on both sides: ${String(v.total)} (${ran})`);
    out.push(...section('Vignettes whose outcome changed', v.changed.map((c) =>
      `  ${c.id} (${c.suite}, expected ${c.expected}): ${run(c.before)} → ${run(c.after)}${c.levelChanged ? ' LEVEL CHANGED' : ''}`)));
  }
  return out.join('\n');
}
