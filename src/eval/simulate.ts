// Runs one vignette through the engine with a simulated person who answers only what is asked.
import { triage } from '../engine/index.js';
import type { AnswerValue, ClinicalContent, Outcome } from '../engine/types.js';
import type { Vignette } from './vignettes.js';

export interface Run {
  vignette: Vignette;
  outcome?: Outcome;
  /** Why no outcome was reached, if none was. */
  failure?: string;
  pages: number;
  findingsAsked: number;
}

const MAX_PAGES = 200;

/**
 * Simulates the person of a vignette (README semantics): a boolean not listed is false; a number or choice
 * not listed is unknown ("I'm not sure"); `unknown` means "I'm not sure".
 */
export function simulate(content: ClinicalContent, vignette: Vignette): Run {
  const answers: Record<string, AnswerValue> = {};
  const answerFor = (finding: string): AnswerValue => {
    const listed = vignette.findings[finding];
    if (listed !== undefined) return listed;
    return content.findings.get(finding)?.type === 'boolean' ? false : 'unknown';
  };
  let findingsAsked = 0;
  for (let pages = 0; pages <= MAX_PAGES; pages++) {
    const result = triage(content, answers);
    switch (result.status) {
      case 'outcome':
        return { vignette, outcome: result.outcome, pages, findingsAsked };
      case 'out_of_scope':
        return { vignette, failure: 'out of scope (under the minimum age)', pages, findingsAsked };
      case 'invalid':
        return { vignette, failure: `invalid answers: ${result.errors.map((e) => `${e.path} ${e.code}`).join(', ')}`, pages, findingsAsked };
      case 'question':
        for (const f of result.question.findings) {
          if (Object.hasOwn(answers, f)) return { vignette, failure: `asked ${f} again`, pages, findingsAsked };
          answers[f] = answerFor(f);
          findingsAsked++;
        }
        break;
    }
  }
  return { vignette, failure: `no outcome after ${String(MAX_PAGES)} questions`, pages: MAX_PAGES, findingsAsked };
}
