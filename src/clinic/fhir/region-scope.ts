// Which body regions a question can matter for, worked out from the rules: the basis of the Questionnaire's enableWhen.
// A rule "may fire" for a region unless its condition is false whatever else is answered (three-valued evaluation
// with only body_region known).
import type { ClinicalContent, Condition, QuestionDef } from '../../engine/types.js';

type Tri = boolean | undefined;

function not(v: Tri): Tri {
  return v === undefined ? undefined : !v;
}

function evalFor(content: ClinicalContent, c: Condition, region: string, depth = 0): Tri {
  if (depth > 50) return undefined;
  switch (c.kind) {
    case 'true':
      return undefined;
    case 'compare':
      if (c.finding !== 'body_region') return undefined;
      if (c.op === 'eq') return region === c.value;
      if (c.op === 'ne') return region !== c.value;
      return undefined;
    case 'in':
      return c.finding === 'body_region' ? c.values.includes(region) : undefined;
    case 'all': {
      const vs = c.of.map((x) => evalFor(content, x, region, depth + 1));
      if (vs.includes(false)) return false;
      return vs.every((v) => v === true) ? true : undefined;
    }
    case 'any': {
      const vs = c.of.map((x) => evalFor(content, x, region, depth + 1));
      if (vs.includes(true)) return true;
      return vs.every((v) => v === false) ? false : undefined;
    }
    case 'not':
      return not(evalFor(content, c.of, region, depth + 1));
    case 'atLeast': {
      const vs = c.of.map((x) => evalFor(content, x, region, depth + 1));
      const yes = vs.filter((v) => v === true).length;
      const maybe = vs.filter((v) => v === undefined).length;
      if (yes >= c.count) return true;
      return yes + maybe < c.count ? false : undefined;
    }
    case 'def': {
      const d = content.definitions.get(c.name);
      return d === undefined ? undefined : evalFor(content, d, region, depth + 1);
    }
    case 'riskGroup':
      return undefined;
  }
}

function findingsOf(content: ClinicalContent, c: Condition, out: Set<string>, depth = 0): Set<string> {
  if (depth > 50) return out;
  switch (c.kind) {
    case 'true':
    case 'compare':
    case 'in':
      out.add(c.finding);
      break;
    case 'all':
    case 'any':
    case 'atLeast':
      for (const x of c.of) findingsOf(content, x, out, depth + 1);
      break;
    case 'not':
      findingsOf(content, c.of, out, depth + 1);
      break;
    case 'def': {
      const d = content.definitions.get(c.name);
      if (d !== undefined) findingsOf(content, d, out, depth + 1);
      break;
    }
    case 'riskGroup':
      for (const f of [...content.riskScore.items, content.riskScore.bothersome.finding]) out.add(f);
      break;
  }
  return out;
}

/** All regions the check knows, from the body_region finding. */
export function allRegions(content: ClinicalContent): string[] {
  const def = content.findings.get('body_region');
  return def?.type === 'choice' ? [...def.values] : [];
}

/**
 * The regions for which a question can be asked, or undefined when it can be asked for every region
 * (or its scope cannot be expressed as a body_region condition).
 */
export function questionRegions(content: ClinicalContent, q: QuestionDef): string[] | undefined {
  const regions = allRegions(content);
  if (regions.length === 0 || q.findings.includes('body_region')) return undefined;
  const own = new Set(q.findings);
  const scopes: Condition[] = [];
  for (const rule of content.rules) {
    const used = findingsOf(content, rule.when, new Set());
    if (rule.tiers !== undefined) for (const c of content.lists.get(rule.tiers.list) ?? []) findingsOf(content, c, used);
    if ([...own].some((f) => used.has(f))) scopes.push(rule.when);
  }
  for (const d of content.derivations) {
    if (own.has(d.age) || own.has(d.durationWeeks)) return undefined;
  }
  if ([...content.riskScore.items, content.riskScore.bothersome.finding].some((f) => own.has(f))) scopes.push(content.riskScore.appliesWhen);
  if (q.askWhen !== undefined) scopes.push(q.askWhen);
  if (scopes.length === 0) return undefined;
  const reachable = regions.filter((r) => scopes.some((c) => evalFor(content, c, r) !== false));
  return reachable.length === regions.length || reachable.length === 0 ? undefined : reachable;
}
