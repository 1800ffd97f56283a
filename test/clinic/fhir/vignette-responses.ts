// Test responses: every vignette (the shared development set and the project's own) run through the engine as the
// simulated person of the clinical README, with the answers it gave and the outcome it reached.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerValue, ClinicalContent, Outcome } from '../../../src/engine/types.js';
import { interview, personAnswers } from '../../../src/engine/index.js';
import { loadVignettes } from '../../../src/eval/vignettes.js';

export interface VignetteResponse {
  id: string;
  answers: Record<string, AnswerValue>;
  outcome: Outcome;
  /** The findings the engine asked, in order. */
  asked: string[];
}

export function vignetteFiles(): string[] {
  const shared = '../shared/clinical/vignettes/dev.yaml';
  const own = readdirSync('test/vignettes').filter((f) => f.endsWith('.yaml')).map((f) => join('test/vignettes', f));
  return [...(existsSync(shared) ? [shared] : []), ...own];
}

export function vignetteResponses(content: ClinicalContent): VignetteResponse[] {
  return loadVignettes(vignetteFiles()).flatMap((v) => {
    const asked: string[] = [];
    const answer = personAnswers(content, v.findings);
    const run = interview(content, (f) => {
      asked.push(f);
      return answer(f);
    });
    return run.result.status === 'outcome' ? [{ id: v.id, answers: run.answers, outcome: run.result.outcome, asked }] : [];
  });
}
