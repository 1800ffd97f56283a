// Safety-netting text, written from the rules (principle 9): "Call 999 now if you …", with each rule's own action.
import type { ClinicalContent, RuleDef } from '../engine/types.js';

/** What to do when this rule decides a result: its own service (rules.md "Where to go"), else its level's. */
export function actionOf(content: ClinicalContent, rule: RuleDef): string {
  return rule.action ?? content.levelActions[rule.level];
}

/** Capitalises the first letter of a clause. */
export function sentence(clause: string): string {
  return clause.charAt(0).toUpperCase() + clause.slice(1);
}

/** One rule's safety-net line: "<Action> if you <warning sign>." (placeholders left in for the caller to fill). */
export function warningLine(content: ClinicalContent, rule: RuleDef): string | undefined {
  return rule.warning === undefined ? undefined : `${sentence(actionOf(content, rule))} if you ${rule.warning.text}.`;
}

/** The lines for a list of rule ids, in that order, each line once. */
export function safetyNetLines(content: ClinicalContent, ruleIds: readonly string[]): string[] {
  const lines: string[] = [];
  for (const id of ruleIds) {
    const rule = content.rules.find((r) => r.id === id);
    const line = rule === undefined ? undefined : warningLine(content, rule);
    if (line !== undefined && !lines.includes(line)) lines.push(line);
  }
  return lines;
}
