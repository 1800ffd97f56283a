// Content checks for safety-netting (principle 9): every region's net is complete, and no text plays a sign down.
import { conditionFindings, type Slot } from '../engine/logic.js';
import { safetyNetFor } from '../engine/safety-net.js';
import { levelRank, type ClinicalContent, type Level, type RuleDef } from '../engine/types.js';
import type { ContentProblem } from './content-problem.js';
import type { LintProblem } from './lint-checks.js';
import { satisfiable } from './satisfiable.js';

const RULES = 'content/clinical/rules.yaml';

/** Emergency and urgent rules that some answers can fire for a person who chose this region. */
function rulesForRegion(content: ClinicalContent, region: string): RuleDef[] {
  const start = new Map<string, Slot>([['body_region', region]]);
  return content.rules.filter((r) => levelRank(r.level) >= levelRank('urgent') && satisfiable(content, r.when, start));
}

/**
 * Each region's generated net (what an outcome shows when nothing has been ruled out yet) names every emergency
 * and urgent rule that can apply to the region; every warning's signs are findings its rule uses.
 */
export function lintSafetyNets(content: ClinicalContent): LintProblem[] {
  const problems: LintProblem[] = [];
  const region = content.findings.get('body_region');
  for (const value of region?.type === 'choice' ? region.values : []) {
    const net = new Set(safetyNetFor(content, { body_region: value }));
    for (const rule of rulesForRegion(content, value)) {
      if (!net.has(rule.id)) {
        problems.push({ check: 'clinical.safety-net-incomplete', file: RULES, path: `rules.${rule.id}.warning`, message: `the safety net for ${value} misses rule ${rule.id}, which can apply there`, expected: `a warning sign for ${rule.id} in every net of a region it applies to` });
      }
    }
  }
  for (const rule of content.rules) {
    if (rule.warning === undefined) continue;
    const used = conditionFindings(rule.when, content);
    for (const s of rule.warning.signs) {
      if (!used.has(s)) problems.push({ check: 'clinical.warning-sign-not-in-rule', file: RULES, path: `rules.${rule.id}.warning.signs`, message: `${s} is not a finding of rule ${rule.id}`, expected: `findings of the rule's condition: ${[...used].join(', ')}` });
    }
  }
  return problems;
}

/** The most urgent action a text asks for, judged from its words; undefined when it asks for none. */
function urgencyOf(text: string): Level | undefined {
  const s = text.toLowerCase();
  if (/\{\{emergencynumber\}\}|\b999\b|a&e|\bemergency department\b|call an ambulance|straight away|at once|\bright away\b/.test(s)) return 'emergency';
  if (/\btoday\b|same day|\{\{urgentline\}\}|\b111\b|urgent treatment centre/.test(s)) return 'urgent';
  if (/\b(gp|doctor|physio|physiotherapist|dentist)\b|within (a few|\d+) (days|weeks)|\bsoon\b|\bbook\b/.test(s)) return 'soon';
  return undefined;
}

/** Whether a word or phrase appears in lower-case text as a whole word ("rash" is not in "crash"). */
function wordIn(text: string, phrase: string): boolean {
  const escaped = phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z])${escaped}`).test(text);
}

/**
 * Splits text (plain or Markdown) into paragraphs, list items and headings: the unit in which a sign and the
 * action for it are read together ("Less feeling in your genitals … see your GP within a few days").
 */
function units(text: string): string[] {
  return text.split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.|#+)\s)/).map((s) => s.replace(/^[-*#>\s]+/, '').replace(/\s+/g, ' ').trim()).filter((s) => s !== '');
}

/** A hand-written text to check: where it is and what it says. */
export interface TextSource {
  file: string;
  path: string;
  text: string;
  /** The level of the result the text is shown with, if only one (a rule's note, a level's advice). */
  shownAt?: Level;
}

/**
 * Principle 9's second check: hand-written text must never give a lower urgency for a warning sign than its rule.
 * A paragraph or list item that names a rule's sign (all words of one of its `keywords` sets) and asks for no
 * action more urgent than one below the rule's level is a problem. Text without an action (a list of signs) is
 * left alone.
 */
export function lowerUrgencyProblems(content: ClinicalContent, sources: readonly TextSource[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const rules = content.rules.filter((r) => r.warning !== undefined && r.warning.keywords.length > 0);
  for (const source of sources) {
    for (const s of units(source.text)) {
      const asked = urgencyOf(s);
      if (asked === undefined) continue;
      const urgency = source.shownAt !== undefined && levelRank(source.shownAt) > levelRank(asked) ? source.shownAt : asked;
      const lower = s.toLowerCase();
      for (const rule of rules) {
        const names = rule.warning?.keywords.some((set) => set.every((w) => wordIn(lower, w))) === true;
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

