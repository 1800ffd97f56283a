// Where the content checks get the clinical rules from: the lead's loader when present, else rules.md.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { ClinicalContent, Level } from '../engine/types.js';

/** The shared clinical contract (rules.md, findings.yaml), outside the repository. */
export const SHARED_CLINICAL_DIR = '/work/shared/clinical';

/** A rule as the content checks need it. */
export interface RuleSummary {
  id: string;
  level: Level;
  tiers: readonly string[];
  articleTags: readonly string[];
  sources: readonly string[];
  reason?: string;
}

/** Whether the lead's clinical loader (src/content/clinical-loader.ts) is in the checkout. */
export function clinicalLoaderExists(): boolean {
  return existsSync(fileURLToPath(new URL('./clinical-loader.ts', import.meta.url)));
}

/**
 * Loads the clinical content through the lead's loader if it exists (undefined if it does not).
 * Imported by a computed name so that this module compiles before the loader lands; errors from
 * the loader (invalid content) are thrown, not hidden.
 */
export async function loadClinicalIfPresent(dir = 'content/clinical'): Promise<ClinicalContent | undefined> {
  if (!clinicalLoaderExists()) return undefined;
  const specifier = './clinical-loader.js';
  const mod = (await import(specifier)) as { loadClinicalContent: (d: string) => ClinicalContent };
  return mod.loadClinicalContent(dir);
}

export function rulesOf(content: ClinicalContent): RuleSummary[] {
  return content.rules.map((r) => ({
    id: r.id, level: r.level, tiers: (r.tiers?.tiers ?? []).map((t) => t.code), articleTags: r.articleTags, sources: r.sources, reason: r.reason,
  }));
}

const LEVEL_HEADINGS: Readonly<Record<string, Level>> = {
  emergency: 'emergency', urgent: 'urgent', soon: 'soon', routine: 'routine', 'self-care': 'self_care',
};

/**
 * The rule ids, levels and tier codes listed in rules.md: each `### <Level>` heading followed by a
 * table whose rows start with the rule id; tiers are read from "→ GP to <code>" (S5: test, refer).
 */
export function rulesFromRulesMd(markdown: string): RuleSummary[] {
  const rules: RuleSummary[] = [];
  let level: Level | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^###\s+(\S+)/.exec(line);
    if (heading !== null) level = LEVEL_HEADINGS[(heading[1] ?? '').toLowerCase()];
    const row = /^\|\s*([A-Z]\d+)\b/.exec(line);
    if (row !== null && level !== undefined) {
      const tiers = [...line.matchAll(/→\s*GP to (\w+)/g)].map((m) => m[1] ?? '');
      rules.push({ id: row[1] ?? '', level, tiers, articleTags: [], sources: [] });
    }
  }
  return rules;
}

/** Body regions: the values of `body_region` in findings.yaml. */
export function regionsFromFindings(yamlText: string): string[] {
  const data = parse(yamlText) as { findings?: Record<string, { values?: string[] } | undefined> } | null;
  return data?.findings?.body_region?.values ?? [];
}

/** The rules.md-derived rules and regions, or undefined when the shared contract is not on this machine. */
export function sharedContract(dir = SHARED_CLINICAL_DIR): { rules: RuleSummary[]; regions: string[] } | undefined {
  const rulesMd = `${dir}/rules.md`;
  const findings = `${dir}/findings.yaml`;
  if (!existsSync(rulesMd) || !existsSync(findings)) return undefined;
  return { rules: rulesFromRulesMd(readFileSync(rulesMd, 'utf8')), regions: regionsFromFindings(readFileSync(findings, 'utf8')) };
}
