// Check your answers (GOV.UK pattern): every answer with a Change button, then "See your result".
import type { AnswerValue } from '../../engine/types.js';
import { answerText } from '../check/answer-text.js';
import type { Step } from '../check/replay.js';
import { HiddenAnswers } from '../hidden-answers.js';
import { Layout } from '../layout.js';
import type { Site } from '../site.js';
import { BackControl } from './question.js';

export interface CheckAnswersProps {
  site: Site;
  steps: readonly Step[];
  answers: Readonly<Record<string, AnswerValue>>;
}

export function CheckAnswersPage({ site, steps, answers }: CheckAnswersProps) {
  return (
    <Layout site={site} title="Check your answers" check={true} back={<BackControl backAnswers={answers} />}>
      <h1>Check your answers</h1>
      <p>Make sure these are right before you see your result.</p>
      <form method="post" action="/check/change">
        <HiddenAnswers answers={answers} />
        <dl class="sum">
          {steps.map((s) => (
            <div>
              <dt>{s.question.text}</dt>
              <dd>{answerText(s.question, s.values)}</dd>
              <dd class="act">
                <button type="submit" class="link-btn" name="change" value={s.question.id}>
                  Change<span class="visually-hidden"> your answer to: {s.question.text}</span>
                </button>
              </dd>
            </div>
          ))}
        </dl>
      </form>
      <form method="post" action="/check/result">
        <HiddenAnswers answers={answers} />
        <button type="submit" class="btn">See your result</button>
      </form>
    </Layout>
  );
}
