// Every answer as the person saw the question: the question's own text and option labels, in the check's order.
import { UNKNOWN, type AnswerValue, type Answers, type ClinicalContent, type QuestionDef } from '../engine/types.js';

export interface AskedAnswer {
  questionId: string;
  question: string;
  /** One line per finding for multi questions ("Leaking urine: No"), one line otherwise. */
  answers: { label: string | undefined; text: string; finding: string }[];
}

function valueText(q: QuestionDef, value: AnswerValue): string {
  if (value === UNKNOWN) return "I'm not sure";
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (typeof value === 'number') {
    if ((q.units ?? []).length > 0) return value < 1 ? `${Math.round(value * 7)} days` : `${Math.round(value * 10) / 10} weeks`;
    return String(value);
  }
  return q.options?.find((o) => o.value === value)?.label ?? value;
}

/** The answered questions, then any answered finding no question asks (worked out by the check, or extra). */
export function answersAsAsked(content: ClinicalContent, answers: Answers): AskedAnswer[] {
  const out: AskedAnswer[] = [];
  const shown = new Set<string>();
  for (const q of content.questions) {
    const present = q.findings.filter((f) => answers[f] !== undefined);
    if (present.length === 0) continue;
    if (q.kind === 'multi') {
      out.push({
        questionId: q.id, question: q.text,
        answers: present.map((f) => {
          const option = q.options?.find((o) => (o.finding ?? o.value) === f);
          return { finding: f, label: option?.label ?? f, text: valueText(q, answers[f] ?? UNKNOWN) };
        }),
      });
    } else {
      out.push({ questionId: q.id, question: q.text, answers: present.map((f) => ({ finding: f, label: undefined, text: valueText(q, answers[f] ?? UNKNOWN) })) });
    }
    for (const f of present) shown.add(f);
  }
  const rest = Object.keys(answers).filter((f) => !shown.has(f)).sort();
  if (rest.length > 0) {
    out.push({
      questionId: '(other)', question: 'Other answers held with the result',
      answers: rest.map((f) => ({ finding: f, label: content.findings.get(f)?.meaning ?? f, text: String(answers[f]) })),
    });
  }
  return out;
}
