// The differences between two parsed YAML documents, as dotted paths with before and after values, lists keyed by their ids.
import { stringify } from 'yaml';

export interface Change {
  /** Dotted path, lists of objects keyed by their id (rules.E1.when, questions.region.options.hip.label). */
  path: string;
  /** The value before, as one line of YAML; absent when added. */
  before?: string;
  /** The value after; absent when removed. */
  after?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const KEYS = ['id', 'value', 'finding'] as const;

/** The key a list of objects is indexed by (its items' `id`, `value` or `finding`), if every item has one. */
function keyOf(list: readonly unknown[]): string | undefined {
  return KEYS.find((k) => list.length > 0 && list.every((x) => isObj(x) && (typeof x[k] === 'string' || typeof x[k] === 'number')));
}

/** A value as one line of YAML (flow style), for reports. */
export function show(value: unknown): string {
  return value === undefined ? '' : stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

function keyed(list: readonly unknown[], key: string): Map<string, unknown> {
  return new Map(list.map((x) => [String((x as Obj)[key]), x]));
}

/** Every difference between `before` and `after`, deepest first where both sides have the same shape. */
export function yamlChanges(before: unknown, after: unknown, path = ''): Change[] {
  const at = (k: string): string => (path === '' ? k : `${path}.${k}`);
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => yamlChanges(before[k], after[k], at(k)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const key = keyOf(before) ?? keyOf(after);
    const both: unknown[] = [...(before as unknown[]), ...(after as unknown[])];
    if (key !== undefined && keyOf(both) === key) {
      const b = keyed(before, key);
      const a = keyed(after, key);
      const ids = [...new Set([...b.keys(), ...a.keys()])];
      const changes = ids.flatMap((id) => yamlChanges(b.get(id), a.get(id), at(id)));
      const order = (m: Map<string, unknown>): string => [...m.keys()].filter((id) => b.has(id) && a.has(id)).join(',');
      if (order(b) !== order(a)) changes.push({ path: at('(order)'), before: [...b.keys()].join(', '), after: [...a.keys()].join(', ') });
      return changes;
    }
  }
  if (before === undefined && after === undefined) return [];
  if (show(before) === show(after)) return [];
  return [{ path, ...(before === undefined ? {} : { before: show(before) }), ...(after === undefined ? {} : { after: show(after) }) }];
}
