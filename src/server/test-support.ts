// Shared set-up for the web tests: the real content and configuration, and an app built from them.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type AppConfig } from '../config.js';
import { loadClinicalContent } from '../content/clinical-loader.js';
import { pageView, triage } from '../engine/index.js';
import type { AnswerValue, ClinicalContent } from '../engine/types.js';
import { CheckStates, type CheckState } from '../web/check/check-state.js';
import { formFieldsFor } from '../web/examples.js';
import { loadLibrary, type Library } from '../web/library.js';
import { randomKey } from '../web/state/seal.js';
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

/** The keys test apps seal the check's state with, so tests can make and read page addresses. */
export const TEST_KEYS = [randomKey(1)];

/** Seals and opens check states as a test app does. */
export function testStates(): CheckStates {
  return new CheckStates(TEST_KEYS, seeded().content.version);
}

/** A check page's address for a state, as the test apps make them. */
export function stateUrl(page: 'q' | 'answers' | 'result' | 'back', state: CheckState): string {
  return `/check/${page}?s=${testStates().seal(state, new Date())}`;
}

/** An app over the seeded content; options override any part. */
export function testApp(options: Partial<BuildAppOptions> = {}): FastifyInstance {
  const s = seeded();
  return buildApp({ config: s.config, content: s.content, library: s.library, stateKeys: TEST_KEYS, ...options });
}

/** Follows 303 redirects with GETs, as a browser does after a form post. */
export async function follow(app: FastifyInstance, res: LightMyRequestResponse, limit = 5): Promise<LightMyRequestResponse> {
  let current = res;
  for (let i = 0; i < limit && current.statusCode === 303; i++) current = await app.inject({ url: String(current.headers.location) });
  return current;
}

/** The question a question page shows (read from its sealed state; none means the first question). */
export function questionOnPage(html: string): { id: string; shown: readonly string[]; token?: string } {
  const token = hiddenFields(html, '/check').find(([k]) => k === 's')?.[1];
  if (token === undefined) {
    const first = triage(seeded().content, {});
    if (first.status !== 'question') throw new Error('the check does not start with a question');
    return { id: first.question.id, shown: [] };
  }
  const opened = testStates().open(token, new Date());
  if (!opened.ok || opened.state.question === undefined) throw new Error('a question page without a question state');
  return { id: opened.state.question.id, shown: opened.state.question.shown ?? [], token };
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
  const view = pageView(content, q, shown);
  if (view === undefined) throw new Error(`unknown question ${q}`);
  return formFieldsFor(content, view, findings).filter(([k]) => k !== 'q' && k !== 'o');
}

/** The address of the "See your result" link on a check-your-answers page. */
export function seeResultUrl(html: string): string | undefined {
  const m = /<a class="btn" href="([^"]+)" id="see-result">/.exec(html);
  return m?.[1] === undefined ? undefined : unescape(m[1]);
}

/**
 * Takes the whole check through the pages, as a person with these facts would: each answer is a form post that
 * redirects to the next page. Returns the last page, every page's kind and every address visited.
 */
export async function walkCheck(app: FastifyInstance, findings: Readonly<Record<string, AnswerValue>>, maxPages = 80): Promise<{ html: string; pages: string[]; status: number; urls: string[] }> {
  const { content } = seeded();
  let res = await app.inject({ url: '/check' });
  const pages: string[] = [];
  const urls: string[] = ['/check'];
  while (pages.length < maxPages) {
    const html = res.body;
    if (!html.includes('action="/check" novalidate')) {
      const result = seeResultUrl(html);
      if (result !== undefined) {
        pages.push('check-answers');
        urls.push(result);
        res = await app.inject({ url: result });
        continue;
      }
      pages.push(html.includes('class="card card-') ? 'result' : 'other');
      return { html, pages, status: res.statusCode, urls };
    }
    const { id, shown, token } = questionOnPage(html);
    pages.push(id);
    const posted = await app.inject({
      method: 'POST', url: '/check', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: formEncode([...(token === undefined ? [] : [['s', token] as const]), ...answerFields(content, id, shown, findings)]),
    });
    if (posted.statusCode !== 303) return { html: posted.body, pages, status: posted.statusCode, urls };
    urls.push(String(posted.headers.location));
    res = await app.inject({ url: String(posted.headers.location) });
  }
  throw new Error('the check did not finish');
}
