// Runs one vignette through the engine with a simulated person who answers only what is asked.
import { interview, personAnswers } from '../engine/index.js';
import type { ClinicalContent, Outcome } from '../engine/types.js';
import type { Vignette } from './vignettes.js';

export interface Run {
  vignette: Vignette;
  outcome?: Outcome;
  /** Why no outcome was reached, if none was. */
  failure?: string;
  pages: number;
  findingsAsked: number;
}

/**
 * Simulates the person of a vignette (README semantics): a boolean not listed is false; a number or choice
 * not listed is unknown ("I'm not sure"); `unknown` means "I'm not sure".
 */
export function simulate(content: ClinicalContent, vignette: Vignette): Run {
  const { result, pages, findingsAsked, repeated } = interview(content, personAnswers(content, vignette.findings));
  const run = { vignette, pages, findingsAsked };
  if (repeated !== undefined) return { ...run, failure: `asked ${repeated} again` };
  switch (result.status) {
    case 'outcome':
      return { ...run, outcome: result.outcome };
    case 'out_of_scope':
      return { ...run, failure: 'out of scope (under the minimum age)' };
    case 'invalid':
      return { ...run, failure: `invalid answers: ${result.errors.map((e) => `${e.path} ${e.code}`).join(', ')}` };
    case 'question':
      return { ...run, failure: `no outcome after ${String(pages)} questions` };
  }
}
