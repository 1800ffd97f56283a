// Which findings only matter once another is known: "does it spread down your leg?" before a knee's bladder questions.
import { FREE, U, conditionFindings, openFindings, truth, type Env } from './logic.js';
import type { ClinicalContent, RuleDef } from './types.js';

const cache = new WeakMap<RuleDef, ReadonlyMap<string, ReadonlySet<string>>>();

/**
 * For each finding f of a rule, the findings g that gate it: when g is "no", f no longer matters to the rule, while
 * f being "no" still leaves g mattering. Asking a gate first spares the person questions that would not count
 * (a wound problem matters only after an operation). Worked out once per rule from its condition alone; the engine
 * uses it only to order questions, never to skip one that is still needed.
 */
export function gatesOf(content: ClinicalContent, rule: RuleDef): ReadonlyMap<string, ReadonlySet<string>> {
  let gates = cache.get(rule);
  if (gates !== undefined) return gates;
  const findings = [...conditionFindings(rule.when, content)].filter((f) => content.findings.get(f)?.type === 'boolean');
  const openWithNo = (g: string): Set<string> => {
    const env: Env = (f) => (f === g ? false : FREE);
    const out = new Set<string>();
    if (truth(rule.when, env, content) === U) openFindings(rule.when, env, content, out);
    return out;
  };
  const without = new Map(findings.map((g) => [g, openWithNo(g)]));
  const map = new Map<string, Set<string>>();
  for (const f of findings) {
    for (const g of findings) {
      if (g === f) continue;
      const fGoneWhenGNo = !(without.get(g)?.has(f) ?? false);
      const gStaysWhenFNo = without.get(f)?.has(g) ?? false;
      if (fGoneWhenGNo && gStaysWhenFNo) {
        const set = map.get(f) ?? new Set<string>();
        set.add(g);
        map.set(f, set);
      }
    }
  }
  gates = map;
  cache.set(rule, gates);
  return gates;
}

