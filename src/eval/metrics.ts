// The audit metrics of the clinical README: exact, under- and over-triage, "safe" rate, three bands, questions.
import { LEVELS, levelRank, type Level } from '../engine/types.js';
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
  /** Pages to a result by the expected level, and for a painless noise (issue goals: limb or jaw ≤ 7, spine ≤ 10). */
  pagesByLevel: Partial<Record<Level, Spread>>;
  painlessNoise: { limbOrJaw?: Spread; spine?: Spread };
  findings: { median: number; max: number };
  mismatches: Mismatch[];
}

export interface Spread {
  count: number;
  median: number;
  max: number;
}

const SPINE = new Set(['lower_back', 'upper_back', 'neck']);

function spread(xs: readonly number[]): Spread | undefined {
  return xs.length === 0 ? undefined : { count: xs.length, median: median(xs), max: Math.max(...xs) };
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
    pagesByLevel: {},
    painlessNoise: {},
    findings: { median: median(runs.map((r) => r.findingsAsked)), max: Math.max(0, ...runs.map((r) => r.findingsAsked)) },
    mismatches: [],
  };
  for (const level of LEVELS) {
    const s = spread(runs.filter((r) => r.vignette.expected === level).map((r) => r.pages));
    if (s !== undefined) m.pagesByLevel[level] = s;
  }
  const painless = runs.filter((r) => r.vignette.findings.main_concern === 'noise_only');
  const limb = spread(painless.filter((r) => !SPINE.has(String(r.vignette.findings.body_region))).map((r) => r.pages));
  const spine = spread(painless.filter((r) => SPINE.has(String(r.vignette.findings.body_region))).map((r) => r.pages));
  if (limb !== undefined) m.painlessNoise.limbOrJaw = limb;
  if (spine !== undefined) m.painlessNoise.spine = spine;
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
    `pages by expected level: ${LEVELS.flatMap((l) => { const s = m.pagesByLevel[l]; return s === undefined ? [] : [`${l} median ${String(s.median)}, max ${String(s.max)} (${String(s.count)})`]; }).join('; ')}`,
    `pages for a painless noise: ${(['limbOrJaw', 'spine'] as const).flatMap((k) => { const s = m.painlessNoise[k]; return s === undefined ? [] : [`${k === 'spine' ? 'spine' : 'limb or jaw'} median ${String(s.median)}, max ${String(s.max)} (${String(s.count)})`]; }).join('; ') || 'none'}`,
  ];
  for (const x of m.mismatches) {
    lines.push(`MISMATCH ${x.id} (${x.file}): expected ${x.expected}, got ${x.got}; rules fired: ${x.rules.join(', ') || 'none'}${x.failure ? `; ${x.failure}` : ''}`);
  }
  return lines.join('\n');
}
