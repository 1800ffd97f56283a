// Hidden inputs carrying the answers given so far (see answer-fields.ts).
import type { AnswerValue } from '../engine/types.js';
import { answersToFields } from './answer-fields.js';

export function HiddenAnswers({ answers }: { answers: Readonly<Record<string, AnswerValue>> }) {
  return <>{answersToFields(answers).map((f) => <input type="hidden" name={f.name} value={f.value} />)}</>;
}
