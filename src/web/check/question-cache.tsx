// Question pages are the same for everyone but for the hidden answers: render each once, then fill in the answers.
import type { AnswerValue, QuestionView } from '../../engine/types.js';
import { hiddenFieldsHtml, RenderedFields } from '../hidden-answers.js';
import { EMPTY_PREFILL } from './question-input.js';
import { QuestionPage, type QuestionPageProps } from '../pages/question.js';
import { renderPage } from '../render.js';
import type { Site } from '../site.js';

// Private-use characters: no template text or escaped answer can contain them.
const ANSWERS = '\uE000answers\uE000';
const BACK = '\uE000back\uE000';
const SLOTS = new RegExp(`(${ANSWERS}|${BACK})`);

/**
 * Renders plain question pages (no error, nothing filled in) from a cached skeleton per question, shown options
 * and Back form: a page costs a few string joins instead of a full render. Pages with an error, a notice or
 * filled-in answers are rendered in full by the caller.
 */
export class QuestionPageCache {
  private readonly skeletons = new Map<string, readonly string[]>();

  constructor(private readonly site: Site, private readonly contentVersion: string, private readonly limit = 2000) {}

  async html(question: QuestionView, answers: Readonly<Record<string, AnswerValue>>, backAnswers: Readonly<Record<string, AnswerValue>> | undefined): Promise<string> {
    const key = `${question.id}|${question.findings.join(' ')}|${backAnswers === undefined ? '' : 'back'}`;
    let parts = this.skeletons.get(key);
    if (parts === undefined) {
      const props: QuestionPageProps = {
        site: this.site, question, contentVersion: this.contentVersion, prefill: EMPTY_PREFILL, answers: new RenderedFields(ANSWERS),
        ...(backAnswers === undefined ? {} : { backAnswers: new RenderedFields(BACK) }),
      };
      parts = (await renderPage(<QuestionPage {...props} />)).split(SLOTS);
      if (this.skeletons.size < this.limit) this.skeletons.set(key, parts);
    }
    const hidden = hiddenFieldsHtml(answers);
    const back = backAnswers === undefined ? '' : backAnswers === answers ? hidden : hiddenFieldsHtml(backAnswers);
    let html = '';
    for (const part of parts) html += part === ANSWERS ? hidden : part === BACK ? back : part;
    return html;
  }
}
