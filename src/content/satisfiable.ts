// Whether a rule condition can ever be true: a search over every finding's range, used by the content checks.
import { FREE, T, U, openFindings, truth, type Env, type Slot } from '../engine/logic.js';
import { compiled } from '../engine/compiled.js';
import type { ClinicalContent, Condition } from '../engine/types.js';

/** Whether some answers make the condition true (searching every finding's range, unasked findings free). */
export function satisfiable(content: ClinicalContent, c: Condition, start: ReadonlyMap<string, Slot> = new Map()): boolean {
  const { domain } = compiled(content);
  const assign = new Map<string, Slot>(start);
  const env: Env = (f) => assign.get(f) ?? FREE;
  const search = (depth: number): boolean => {
    const t = truth(c, env, content);
    if (t !== U) return t === T;
    if (depth > 64) return true;
    const vars = new Set<string>();
    openFindings(c, env, content, vars);
    const f = vars.values().next().value;
    if (f === undefined) return false;
    for (const v of domain(f)) {
      assign.set(f, v);
      if (search(depth + 1)) return true;
    }
    assign.delete(f);
    return false;
  };
  return search(0);
}

