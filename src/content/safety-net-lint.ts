// Content checks for safety-netting (principle 9): every region's net is complete, and no text plays a sign down.
import { conditionFindings, type Slot } from '../engine/logic.js';
import { safetyNetFor } from '../engine/safety-net.js';
import { levelRank, type ClinicalContent, type Level, type RuleDef } from '../engine/types.js';
import type { ContentProblem } from './content-problem.js';
import { satisfiable } from './satisfiable.js';

const RULES = 'content/clinical/rules.yaml';

/** Emergency and urgent rules that some answers can fire for a person who chose this region. */
export function rulesForRegion(content: ClinicalContent, region: string): RuleDef[] {
  const start = new Map<string, Slot>([['body_region', region]]);
  return content.rules.filter((r) => levelRank(r.level) >= levelRank('urgent') && satisfiable(content, r.when, start));
}

/**
 * Each region's generated net (what an outcome shows when nothing has been ruled out yet) names every emergency
 * and urgent rule that can apply to the region; every warning's signs are findings its rule uses.
 */
export function lintSafetyNets(content: ClinicalContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const region = content.findings.get('body_region');
  for (const value of region?.type === 'choice' ? region.values : []) {
    const net = new Set(safetyNetFor(content, { body_region: value }));
    for (const rule of rulesForRegion(content, value)) {
      if (!net.has(rule.id)) {
        problems.push({ file: RULES, path: `rules.${rule.id}.warning`, message: `the safety net for ${value} misses rule ${rule.id}, which can apply there`, expected: `a warning sign for ${rule.id} in every net of a region it applies to` });
      }
    }
  }
  for (const rule of content.rules) {
    if (rule.warning === undefined) continue;
    const used = conditionFindings(rule.when, content);
    for (const s of rule.warning.signs) {
      if (!used.has(s)) problems.push({ file: RULES, path: `rules.${rule.id}.warning.signs`, message: `${s} is not a finding of rule ${rule.id}`, expected: `findings of the rule's condition: ${[...used].join(', ')}` });
    }
  }
  return problems;
}

/** The urgency a sentence asks for, judged from its words; undefined when it asks for no action. */
export function urgencyOf(sentence: string): Level | undefined {
  const s = sentence.toLowerCase();
  if (/\{\{emergencynumber\}\}|\b999\b|a&e|\bemergency department\b|call an ambulance/.test(s)) return 'emergency';
  if (/\btoday\b|same day|\{\{urgentline\}\}|\b111\b|urgent treatment centre|straight away|at once/.test(s)) return 'urgent';
  if (/\b(gp|doctor|physio|physiotherapist|dentist)\b|within (a few|\d+) (days|weeks)|\bsoon\b|\bbook\b/.test(s)) return 'soon';
  return undefined;
}

/** Splits text (plain or Markdown) into sentences, list items and headings. */
function sentences(text: string): string[] {
  return text.split(/\n+|(?<=[.!?])\s+/).map((s) => s.replace(/^[-*#>\s]+/, '').trim()).filter((s) => s !== '');
}

/** A hand-written text to check: where it is and what it says. */
export interface TextSource {
  file: string;
  path: string;
  text: string;
}

/**
 * Principle 9's second check: hand-written text must never give a lower urgency for a warning sign than its rule.
 * A sentence that names a rule's sign (all words of one of its `keywords` sets) and asks for an action less
 * urgent than the rule's level is a problem. Sentences without an action (a list of signs) are left alone.
 */
export function lowerUrgencyProblems(content: ClinicalContent, sources: readonly TextSource[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const rules = content.rules.filter((r) => r.warning !== undefined && r.warning.keywords.length > 0);
  for (const source of sources) {
    for (const s of sentences(source.text)) {
      const urgency = urgencyOf(s);
      if (urgency === undefined) continue;
      const lower = s.toLowerCase();
      for (const rule of rules) {
        const names = rule.warning?.keywords.some((set) => set.every((w) => lower.includes(w.toLowerCase()))) === true;
        if (names && levelRank(urgency) < levelRank(rule.level)) {
          problems.push({
            file: source.file, path: source.path,
            message: `"${s}" gives a lower urgency (${urgency}) for a sign of rule ${rule.id} (${rule.level})`,
            expected: `the rule's own action, or the generated warning signs (see content/articles/README.md)`,
          });
        }
      }
    }
  }
  return problems;
}

