// Sample triage outcomes and answers for storage and page tests, shaped exactly as the engine returns them.
import type { Answers, Level, Outcome } from '../../../src/engine/types.js';

export function sampleOutcome(level: Level = 'urgent', rules: readonly string[] = ['U3'], contentVersion = 'test-1'): Outcome {
  return {
    level,
    region: 'lower_back',
    rules: rules.map((id) => ({
      id, level, title: `Rule ${id} title`, reason: `Because of ${id}.`, because: ['leg_weakness_new'], sources: ['nice-ng59'],
    })),
    decisive: ['leg_weakness_new'],
    unsure: [],
    checkedAbsent: ['bladder_change', 'bowel_change'],
    safetyNet: ['Call 999 if you cannot pass urine.'],
    articleTags: ['back-pain'],
    bestCase: level,
    worstCase: level,
    contentVersion,
  };
}

export const sampleAnswers: Answers = {
  age_years: 44, body_region: 'lower_back', main_concern: 'pain_only', leg_weakness_new: true, bladder_change: false,
};

/** Strings that must come back exactly as typed and never run as markup or SQL. */
export const HOSTILE = {
  html: '<script>alert("x")</script><img src=x onerror=alert(1)>',
  sql: "Robert'); DROP TABLE submission;--",
  formula: '=HYPERLINK("http://evil.example","click")',
  like: '100%_match\\',
};
