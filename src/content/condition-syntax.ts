// Parses the readable condition syntax of rules.yaml ("age_years >= 60", {all: [...]}) into engine conditions.
import type { Condition, RiskGroup } from '../engine/types.js';

export interface SyntaxProblem {
  path: string;
  message: string;
  expected: string;
}

const COMPARE = /^([a-z][a-z0-9_]*)\s*(>=|<=|!=|=|>|<)\s*([A-Za-z0-9_.-]+)$/;
const IN_LIST = /^([a-z][a-z0-9_]*)\s+in\s+\[([a-z0-9_,\s]*)\]$/;
const NAME = /^[a-z][a-z0-9_]*$/;
const OPS = { '>=': 'gte', '<=': 'lte', '!=': 'ne', '=': 'eq', '>': 'gt', '<': 'lt' } as const;
const RISK_GROUPS: readonly RiskGroup[] = ['low', 'medium', 'high'];

type Names = { isDefinition(name: string): boolean; list(name: string): readonly unknown[] | undefined };

/** Parses one condition; problems are collected (with their path) instead of thrown. */
export function parseCondition(raw: unknown, path: string, names: Names, problems: SyntaxProblem[]): Condition {
  const fail = (message: string, expected: string): Condition => {
    problems.push({ path, message, expected });
    return { kind: 'all', of: [] };
  };
  if (typeof raw === 'string') return parseAtom(raw.trim(), names, fail);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail(`a condition must be text or a mapping, got ${JSON.stringify(raw)}`, 'a finding, a comparison, or {all|any|not|at_least|risk_group}');
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  const key = entries.find(([k]) => k !== 'of')?.[0] ?? 'of';
  const value = (raw as Record<string, unknown>)[key];
  switch (key) {
    case 'all':
    case 'any': {
      if (!Array.isArray(value) || value.length === 0) return fail(`"${key}" needs a non-empty list`, 'a list of conditions');
      return { kind: key, of: value.map((c, i) => parseCondition(c, `${path}.${key}[${String(i)}]`, names, problems)) };
    }
    case 'not':
      return { kind: 'not', of: parseCondition(value, `${path}.not`, names, problems) };
    case 'at_least': {
      const of = (raw as Record<string, unknown>).of;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) return fail('"at_least" needs a whole number of 1 or more', 'at_least: 3');
      const items = typeof of === 'string' ? names.list(of) : of;
      if (!Array.isArray(items)) return fail(`"of" must be a list or the name of a list, got ${JSON.stringify(of)}`, 'of: ibp_criteria');
      return { kind: 'atLeast', count: value, of: items.map((c, i) => parseCondition(c, `${path}.of[${String(i)}]`, names, problems)) };
    }
    case 'risk_group': {
      if (!Array.isArray(value) || !value.every((g): g is RiskGroup => RISK_GROUPS.includes(g as RiskGroup))) {
        return fail('"risk_group" needs a list of groups', 'risk_group: [medium, high]');
      }
      return { kind: 'riskGroup', groups: value };
    }
    default:
      return fail(`unknown condition key "${key}"`, 'all, any, not, at_least or risk_group');
  }
}

function parseAtom(text: string, names: Names, fail: (m: string, e: string) => Condition): Condition {
  if (NAME.test(text)) return names.isDefinition(text) ? { kind: 'def', name: text } : { kind: 'true', finding: text };
  const list = IN_LIST.exec(text);
  if (list) {
    const values = (list[2] ?? '').split(',').map((v) => v.trim()).filter((v) => v.length > 0);
    return { kind: 'in', finding: list[1] ?? '', values };
  }
  const cmp = COMPARE.exec(text);
  if (cmp) {
    const raw = cmp[3] ?? '';
    const num = Number(raw);
    return { kind: 'compare', finding: cmp[1] ?? '', op: OPS[cmp[2] as keyof typeof OPS], value: Number.isFinite(num) && raw !== '' ? num : raw };
  }
  return fail(`cannot read the condition "${text}"`, 'finding, "finding >= 4", "finding = value" or "finding in [a, b]"');
}
