// Safety principle 2: the best and worst case over every unsure answer, searched exactly with pruning.
import { T, U, openFindings, truth, type Env } from './logic.js';
import { compiled } from './compiled.js';
import { closedEnv, type State } from './state.js';
import type { ClinicalContent } from './types.js';

type Assign = Map<string, boolean | number | string>;

export interface Cases {
  best: number;
  worst: number;
  /** One reading of the unsure answers that gives the best case (to explain a best-case outcome). */
  bestReading: ReadonlyMap<string, boolean | number | string>;
}

/**
 * The level ranks reached when every unsure answer is read in the most reassuring way (best) and in the
 * most worrying way (worst), over each finding's whole range. Unasked findings count as "no".
 */
export function bestAndWorst(content: ClinicalContent, state: State): Cases {
  if (state.unsure.size === 0) {
    const { lo } = bounds(content, closedEnv(state), state.region);
    return { best: lo, worst: lo, bestReading: new Map() };
  }
  // The search's minimum is the value of a leaf it reached, so the lowest leaf seen is a reading that gives it.
  let reading: Assign = new Map();
  let readingValue = Infinity;
  const best = search(content, state, new Map(), false, Infinity, (assign, value) => {
    if (value < readingValue) {
      readingValue = value;
      reading = new Map(assign);
    }
  });
  return { best, worst: search(content, state, new Map(), true, -Infinity), bestReading: reading };
}

/** The lowest rank certain to fire, and the highest rank that might fire, under an environment. */
export function bounds(content: ClinicalContent, env: Env, region: string | undefined): { lo: number; hi: number; open: string | undefined; openRank: number } {
  const { rank, regionRules } = compiled(content);
  let lo = 0;
  let hi = 0;
  let openRule: string | undefined;
  let openRank = -1;
  for (const rule of regionRules(region)) {
    const r = rank.get(rule.id) ?? 0;
    if (r <= lo && r <= openRank) continue;
    const t = truth(rule.when, env, content);
    if (t === T) {
      lo = Math.max(lo, r);
      hi = Math.max(hi, r);
    } else if (t === U) {
      hi = Math.max(hi, r);
      if (r > openRank) {
        openRank = r;
        openRule = rule.id;
      }
    }
  }
  return { lo, hi, open: openRule, openRank };
}

function search(
  content: ClinicalContent, state: State, assign: Assign, maximise: boolean, bestSoFar: number,
  leaf?: (assign: Assign, value: number) => void,
): number {
  const env = closedEnv(state, assign);
  const { lo, hi, open } = bounds(content, env, state.region);
  if (lo === hi || open === undefined) {
    leaf?.(assign, lo);
    return lo;
  }
  if (maximise ? hi <= bestSoFar : lo >= bestSoFar) return bestSoFar;
  const rule = content.rules.find((r) => r.id === open);
  const vars = new Set<string>();
  if (rule) openFindings(rule.when, env, content, vars);
  const finding = vars.values().next().value;
  if (finding === undefined) {
    leaf?.(assign, lo);
    return lo;
  }
  let best = bestSoFar;
  for (const value of compiled(content).domain(finding)) {
    assign.set(finding, value);
    const result = search(content, state, assign, maximise, best, leaf);
    best = maximise ? Math.max(best, result) : Math.min(best, result);
    if (maximise ? best >= hi : best <= lo) break;
  }
  assign.delete(finding);
  return best;
}
