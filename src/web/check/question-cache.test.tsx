// The cached question page is byte-for-byte the page a full render gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { triage } from '../../engine/index.js';
import { loadAssets } from '../../server/assets.js';
import { seeded } from '../../server/test-support.js';
import { answerUntil, PEOPLE } from '../examples.js';
import { QuestionPage } from '../pages/question.js';
import { renderPage } from '../render.js';
import { checkUrl } from './check-state.js';
import { EMPTY_PREFILL } from './question-input.js';
import { QuestionPageCache } from './question-cache.js';

test('cached question pages equal fully rendered ones, for every question on the example paths', async () => {
  const { config, content } = seeded();
  const site = { config, assets: loadAssets(config) };
  const cache = new QuestionPageCache(site);
  let checked = 0;
  for (const facts of Object.values(PEOPLE)) {
    let pages = 0;
    answerUntil(content, facts, () => { pages++; return false; });
    for (let n = 0; n < pages; n++) {
      let left = n;
      const { answers, stoppedAt } = answerUntil(content, facts, () => left-- === 0);
      const result = triage(content, answers);
      if (result.status !== 'question' || stoppedAt === undefined) continue;
      const token = `tok${String(n)}_-AZ09`;
      const full = await renderPage(<QuestionPage site={site} question={result.question} prefill={EMPTY_PREFILL} state={token} back={checkUrl('back', token)} />);
      assert.equal(await cache.html(result.question, token), full);
      assert.equal(await cache.html(result.question, token), full, 'and again from the cache');
      checked++;
    }
  }
  assert.ok(checked > 20);
});
