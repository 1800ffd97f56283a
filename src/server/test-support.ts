// Shared set-up for the web tests: the real content and configuration, and an app built from them.
import type { FastifyInstance } from 'fastify';
import { loadConfig, type AppConfig } from '../config.js';
import { loadClinicalContent } from '../content/clinical-loader.js';
import type { AnswerValue, ClinicalContent } from '../engine/types.js';
import { questionView } from '../web/check/question-view.js';
import { formFieldsFor } from '../web/examples.js';
import { loadLibrary, type Library } from '../web/library.js';
import { buildApp, type BuildAppOptions } from './app.js';

let cached: { content: ClinicalContent; library: Library; config: AppConfig } | undefined;

/** The seeded content, loaded once per test process. */
export function seeded(): { content: ClinicalContent; library: Library; config: AppConfig } {
  if (cached === undefined) {
    const config = loadConfig({});
    const content = loadClinicalContent();
    cached = { config, content, library: loadLibrary(config, content) };
  }
  return cached;
}

/** An app over the seeded content; options override any part. */
export function testApp(options: Partial<BuildAppOptions> = {}): FastifyInstance {
  const s = seeded();
  return buildApp({ config: s.config, content: s.content, library: s.library, ...options });
}

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };
const unescape = (s: string): string => s.replace(/&(amp|quot|#39|lt|gt);/g, (e) => ENTITIES[e] ?? e);

/** The hidden fields of the first form on a page posting to `action`. */
export function hiddenFields(html: string, action: string): [string, string][] {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const end = html.indexOf('</form>', start);
  const form = html.slice(start, end);
  return [...form.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"\s*\/?>/g)].map((m) => [unescape(m[1] ?? ''), unescape(m[2] ?? '')]);
}

/** A form body (application/x-www-form-urlencoded) from field pairs. */
export function formEncode(fields: readonly (readonly [string, string])[]): string {
  return new URLSearchParams(fields.map(([k, v]) => [k, v])).toString();
}

/** How a person whose facts are `findings` fills in question `q` (vignette semantics: unlisted booleans are false). */
export function answerFields(content: ClinicalContent, q: string, shown: readonly string[], findings: Readonly<Record<string, AnswerValue>>): [string, string][] {
  const view = questionView(content, q, shown);
  if (view === undefined) throw new Error(`unknown question ${q}`);
  return formFieldsFor(content, view, findings).filter(([k]) => k !== 'q' && k !== 'o');
}

/** Takes the whole check through the pages, as a person with these facts would; returns the last page. */
export async function walkCheck(app: FastifyInstance, findings: Readonly<Record<string, AnswerValue>>, maxPages = 80): Promise<{ html: string; pages: string[]; status: number }> {
  const { content } = seeded();
  let res = await app.inject({ url: '/check' });
  const pages: string[] = [];
  while (pages.length < maxPages) {
    const html = res.body;
    if (!html.includes('action="/check" novalidate')) {
      if (html.includes('action="/check/result"')) {
        pages.push('check-answers');
        res = await app.inject({ method: 'POST', url: '/check/result', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formEncode(hiddenFields(html, '/check/result')) });
        continue;
      }
      pages.push(html.includes('class="card card-') ? 'result' : 'other');
      return { html, pages, status: res.statusCode };
    }
    const hidden = hiddenFields(html, '/check');
    const q = hidden.find(([k]) => k === 'q')?.[1] ?? '';
    pages.push(q);
    const shown = (hidden.find(([k]) => k === 'o')?.[1] ?? '').split(' ').filter((s) => s !== '');
    res = await app.inject({
      method: 'POST', url: '/check', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: formEncode([...hidden, ...answerFields(content, q, shown, findings)]),
    });
    if (res.statusCode !== 200) return { html: res.body, pages, status: res.statusCode };
  }
  throw new Error('the check did not finish');
}
