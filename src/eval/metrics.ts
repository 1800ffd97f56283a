// The audit metrics of the clinical README: exact, under- and over-triage, "safe" rate, three bands, questions.
import { levelRank, type Level } from '../engine/types.js';
import type { Run } from './simulate.js';

export interface Mismatch {
  id: string;
  file: string;
  expected: Level;
  got: Level | 'none';
  rules: string[];
  failure?: string;
}

export interface Metrics {
  total: number;
  exact: number;
  under: number;
  over: number;
  safe: number;
  emergencyUnder: number;
  noOutcome: number;
  threeBand: { all: number; emergent: { correct: number; total: number } };
  pages: { median: number; max: number };
  findings: { median: number; max: number };
  mismatches: Mismatch[];
}

const band = (l: Level): number => (l === 'emergency' || l === 'urgent' ? 2 : l === 'self_care' ? 0 : 1);

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Computes the metrics over a set of runs. */
export function metrics(runs: readonly Run[]): Metrics {
  const m: Metrics = {
    total: runs.length, exact: 0, under: 0, over: 0, safe: 0, emergencyUnder: 0, noOutcome: 0,
    threeBand: { all: 0, emergent: { correct: 0, total: 0 } },
    pages: { median: median(runs.map((r) => r.pages)), max: Math.max(0, ...runs.map((r) => r.pages)) },
    findings: { median: median(runs.map((r) => r.findingsAsked)), max: Math.max(0, ...runs.map((r) => r.findingsAsked)) },
    mismatches: [],
  };
  for (const run of runs) {
    const expected = run.vignette.expected;
    if (band(expected) === 2) m.threeBand.emergent.total++;
    if (!run.outcome) {
      m.noOutcome++;
      if (expected === 'emergency') m.emergencyUnder++;
      m.mismatches.push({ id: run.vignette.id, file: run.vignette.file, expected, got: 'none', rules: [], failure: run.failure ?? 'no outcome' });
      continue;
    }
    const got = run.outcome.level;
    const diff = levelRank(got) - levelRank(expected);
    if (diff === 0) m.exact++;
    else if (diff < 0) m.under++;
    else m.over++;
    if (diff >= -1) m.safe++;
    if (diff < 0 && expected === 'emergency') m.emergencyUnder++;
    if (band(got) === band(expected)) {
      m.threeBand.all++;
      if (band(expected) === 2) m.threeBand.emergent.correct++;
    }
    if (diff !== 0) m.mismatches.push({ id: run.vignette.id, file: run.vignette.file, expected, got, rules: run.outcome.rules.map((r) => r.id) });
  }
  return m;
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

/** A plain-text report of the metrics and every mismatch. */
export function formatMetrics(m: Metrics): string {
  const lines = [
    `vignettes: ${String(m.total)}`,
    `exact: ${String(m.exact)} (${pct(m.exact, m.total)})`,
    `under-triage: ${String(m.under)} (${pct(m.under, m.total)}); of emergency vignettes: ${String(m.emergencyUnder)}`,
    `over-triage: ${String(m.over)} (${pct(m.over, m.total)})`,
    `safe (exact, more urgent, or one level less): ${String(m.safe)} (${pct(m.safe, m.total)})`,
    `three-band accuracy: ${pct(m.threeBand.all, m.total)}; emergent: ${pct(m.threeBand.emergent.correct, m.threeBand.emergent.total)}`,
    `no outcome: ${String(m.noOutcome)}`,
    `questions per vignette: pages median ${String(m.pages.median)}, max ${String(m.pages.max)}; findings median ${String(m.findings.median)}, max ${String(m.findings.max)}`,
  ];
  for (const x of m.mismatches) {
    lines.push(`MISMATCH ${x.id} (${x.file}): expected ${x.expected}, got ${x.got}; rules fired: ${x.rules.join(', ') || 'none'}${x.failure ? `; ${x.failure}` : ''}`);
  }
  return lines.join('\n');
}
