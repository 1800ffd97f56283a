// Every answer as the person saw the question: the question's own text and option labels, in the check's order,
// with each answer worded as on the person's own pages (findingLine).
import { UNKNOWN, type Answers, type ClinicalContent } from '../engine/types.js';
import { findingLine } from '../web/check/answer-text.js';

export interface AskedAnswer {
  questionId: string;
  question: string;
  /** One line per finding for multi questions ("Leaking urine: No"), one line otherwise. */
  answers: { label: string | undefined; text: string; finding: string }[];
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
          return { finding: f, label: option?.label ?? f, text: findingLine(content, f, answers[f] ?? UNKNOWN).answer };
        }),
      });
    } else {
      out.push({ questionId: q.id, question: q.text, answers: present.map((f) => ({ finding: f, label: undefined, text: findingLine(content, f, answers[f] ?? UNKNOWN).answer })) });
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
