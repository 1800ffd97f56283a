// Every named page example renders with its status and is valid HTML (html-validate's recommended rules).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { HtmlValidate } from 'html-validate';
import { HTML_RULES } from './html-rules.js';
import { formEncode, seeded, testApp, testStates } from '../server/test-support.js';
import { pageExamples, type PageExample } from './examples.js';

const app = testApp();
after(() => app.close());
const validator = new HtmlValidate(HTML_RULES);

async function fetchExample(ex: PageExample) {
  return ex.method === 'GET'
    ? app.inject({ url: ex.url })
    : app.inject({ method: 'POST', url: ex.url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formEncode(ex.fields) });
}

const examples = pageExamples(seeded().content, { slug: 'why-backs-crack', tag: 'knee' }, testStates());

test('every page template has at least one example', () => {
  const templates = new Set(examples.map((e) => e.template));
  for (const t of ['home', 'question', 'check-answers', 'result', 'out-of-scope', 'saved', 'article-index', 'tag', 'article', 'accessibility', 'privacy', 'not-found', 'problem', 'start-again']) {
    assert.ok(templates.has(t as PageExample['template']), t);
  }
  for (const kind of ['number', 'choice', 'multi', 'boolean']) assert.ok(examples.some((e) => e.name.startsWith(`question-${kind}`)), kind);
});

for (const ex of examples) {
  test(`example ${ex.name}: ${String(ex.status)}, valid HTML`, async () => {
    const res = await fetchExample(ex);
    assert.equal(res.statusCode, ex.status);
    assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
    const report = await validator.validateString(res.body);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector ?? ''})`));
    assert.deepEqual(messages, []);
    if (ex.name.startsWith('result-')) {
      const level = ex.name.slice('result-'.length).replace('-', '_');
      assert.match(res.body, new RegExp(`class="card card-${level}"`));
    }
  });
}
