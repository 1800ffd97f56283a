// Question pages are the same for everyone but for the sealed state: render each once, then fill in the token.
import type { QuestionView } from '../../engine/types.js';
import { QuestionPage } from '../pages/question.js';
import { renderPage } from '../render.js';
import type { Site } from '../site.js';
import { checkUrl } from './check-state.js';
import { EMPTY_PREFILL } from './question-input.js';

// Private-use characters: no template text can contain them, and a token (base64url) never does.
const TOKEN = '\uE000state\uE000';

/**
 * Renders plain question pages (no error, nothing filled in, Back to the previous question) from a cached skeleton
 * per question and shown options: a page costs a few string joins instead of a full render. Pages with an error,
 * a notice or filled-in answers are rendered in full by the caller.
 */
export class QuestionPageCache {
  private readonly skeletons = new Map<string, readonly string[]>();

  constructor(private readonly site: Site, private readonly limit = 2000) {}

  /** The page for `question` whose form posts `token` and whose Back link steps back from it. */
  async html(question: QuestionView, token: string): Promise<string> {
    const key = `${question.id}|${question.findings.join(' ')}`;
    let parts = this.skeletons.get(key);
    if (parts === undefined) {
      parts = (await renderPage(<QuestionPage site={this.site} question={question} prefill={EMPTY_PREFILL} state={TOKEN} back={checkUrl('back', TOKEN)} />)).split(TOKEN);
      if (this.skeletons.size < this.limit) this.skeletons.set(key, parts);
    }
    return parts.join(token);
  }
}
