// Clinicians' feedback per hazard: how often staff disagreed with results decided by the rules that control it.
import type { SafetyRow } from '../db/submission-types.js';
import type { HazardReport } from './safety-case.js';

/**
 * A hazard is marked for review when clinicians disagreed at least this often with results its rules
 * decided. Two disagreements in four is already a pattern worth a clinical look in a small clinic; one
 * alone is not.
 */
export const OFTEN = { minDisagreements: 2, rate: 0.25 } as const;

export interface HazardFeedback {
  hazard: string;
  total: number;
  agree: number;
  moreUrgent: number;
  lessUrgent: number;
  /** The rules with any disagreement, most first: "E1 2 of 3". */
  rules: { rule: string; disagree: number; total: number }[];
  often: boolean;
}

/** Sums the feedback on each hazard's rules over every content version (a rule id keeps its meaning). */
export function hazardFeedback(hazards: readonly HazardReport[], rows: readonly SafetyRow[]): HazardFeedback[] {
  return hazards.map((h) => {
    const mine = rows.filter((r) => h.rules.includes(r.rule));
    const byRule = new Map<string, { disagree: number; total: number }>();
    for (const r of mine) {
      const e = byRule.get(r.rule) ?? { disagree: 0, total: 0 };
      e.total += r.total;
      e.disagree += r.total - r.agree;
      byRule.set(r.rule, e);
    }
    const sum = (f: (r: SafetyRow) => number): number => mine.reduce((n, r) => n + f(r), 0);
    const total = sum((r) => r.total);
    const agree = sum((r) => r.agree);
    const disagree = total - agree;
    return {
      hazard: h.id, total, agree, moreUrgent: sum((r) => r.moreUrgent), lessUrgent: sum((r) => r.lessUrgent),
      rules: [...byRule].filter(([, e]) => e.disagree > 0).map(([rule, e]) => ({ rule, ...e })).sort((a, b) => b.disagree - a.disagree || a.rule.localeCompare(b.rule)),
      often: disagree >= OFTEN.minDisagreements && disagree / total >= OFTEN.rate,
    };
  });
}
