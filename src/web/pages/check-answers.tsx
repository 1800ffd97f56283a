// Check your answers (GOV.UK pattern): every answer with a Change link, then "See your result".
import { answerText } from '../check/answer-text.js';
import { checkUrl } from '../check/check-state.js';
import type { Step } from '../check/replay.js';
import { Layout } from '../layout.js';
import type { Site } from '../site.js';
import { BackLink } from './question.js';

export interface CheckAnswersProps {
  site: Site;
  steps: readonly Step[];
  /** The page's sealed state: Change, Back and the result are addresses made from it. */
  state: string;
}

export function CheckAnswersPage({ site, steps, state }: CheckAnswersProps) {
  return (
    <Layout site={site} title="Check your answers" check={true} back={<BackLink href={checkUrl('back', state)} />}>
      <h1>Check your answers</h1>
      <p>Make sure these are right before you see your result.</p>
      <dl class="sum">
        {steps.map((s, i) => (
          <div>
            <dt>{s.question.text}</dt>
            <dd>{answerText(s.question, s.values)}</dd>
            <dd class="act">
              <a href={`/check/change?s=${state}&n=${String(i)}`}>
                Change<span class="visually-hidden"> your answer to: {s.question.text}</span>
              </a>
            </dd>
          </div>
        ))}
      </dl>
      <p><a class="btn" href={checkUrl('result', state)} id="see-result">See your result</a></p>
    </Layout>
  );
}
