// Re-runs the engine on posted answers: the server never trusts an outcome sent by the browser.
import { triage } from '../../engine/index.js';
import type { Answers, ClinicalContent, Outcome } from '../../engine/types.js';

export type OutcomeCheck =
  | { ok: true; outcome: Outcome; answers: Answers }
  | { ok: false; reason: 'invalid' | 'incomplete' | 'out_of_scope' };

/** The outcome these answers reach, or why they reach none. */
export function outcomeOf(content: ClinicalContent, answers: Answers): OutcomeCheck {
  const result = triage(content, answers);
  switch (result.status) {
    case 'outcome':
      return { ok: true, outcome: result.outcome, answers };
    case 'question':
      return { ok: false, reason: 'incomplete' };
    case 'out_of_scope':
      return { ok: false, reason: 'out_of_scope' };
    case 'invalid':
      return { ok: false, reason: 'invalid' };
  }
}
