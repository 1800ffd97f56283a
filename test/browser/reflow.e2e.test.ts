// Reflow (WCAG 1.4.10 and 1.4.4): every public page type at 320 CSS px wide with text at 200% scrolls only up and down.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { TEST_KEYS, testStates } from '../../src/server/test-support.js';
import { pageExamples } from '../../src/web/examples.js';
import { completeAnswers } from '../clinic/helpers/answers.js';
import { Client, content, startHarness, type Harness } from '../clinic/helpers/harness.js';
import { resultToken } from '../clinic/helpers/send-helper.js';
import { freePort, launchBrowser, postFrom, skipReason, TEST_TIMEOUT } from './browser-support.js';

let browser: Browser | undefined;
let h: Harness | undefined;
let page: Page | undefined;
let base = '';

before(async () => {
  if (skipReason !== false) return;
  const port = await freePort();
  base = `http://127.0.0.1:${String(port)}`;
  h = await startHarness({ baseUrl: base, stateKeys: TEST_KEYS });
  await h.app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
  // Text at 200%: the browser's default font size doubled, as a person's setting does (the pages size text in rem).
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, bypassCSP: true });
  await context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = '200%'; });
  });
  page = await context.newPage();
});

after(async () => {
  await browser?.close();
  await h?.close();
});

/** How far the page scrolls sideways, and the elements sticking out past the right edge. */
async function overflow(p: Page): Promise<{ by: number; culprits: string[] }> {
  return p.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits = Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > width + 1 && e.getClientRects().length > 0)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id === '' ? '' : `#${e.id}`}.${e.className}: ${e.textContent.slice(0, 40)}`);
    return { by: root.scrollWidth - width, culprits };
  });
}

/** Why the page on screen does not reflow, or undefined when it does. */
async function reflowProblem(name: string): Promise<string | undefined> {
  assert.ok(page);
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '32px', `${name}: text at 200%`);
  const { by, culprits } = await overflow(page);
  return by <= 0 ? undefined : `${name} scrolls sideways by ${String(by)}px: ${culprits.join(' | ')}`;
}

// Addresses sealed with TEST_KEYS (the keys this app is given), made now: they work for hours.
const examples = pageExamples(content(), { slug: 'why-backs-crack', tag: 'knee' }, testStates());

for (const ex of examples) {
  test(`page ${ex.name} reflows at 320 px with 200% text`, { skip: skipReason, timeout: TEST_TIMEOUT }, async () => {
    assert.ok(page);
    if (ex.method === 'GET') await page.goto(`${base}${ex.url}`);
    else await postFrom(page, base, ex.url, ex.fields);
    assert.equal(await reflowProblem(ex.name), undefined);
  });
}

test('every article and blog page reflows at 320 px with 200% text', { skip: skipReason, timeout: TEST_TIMEOUT * 2 }, async () => {
  assert.ok(page);
  await page.goto(`${base}/articles`);
  const slugs = await page.$$eval('a[href^="/articles/"]', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  const more = await page.locator('a[rel="next"]').count() > 0 ? ['/articles?page=2'] : [];
  const problems: string[] = [];
  for (const url of ['/articles', ...more, ...new Set(slugs)]) {
    await page.goto(`${base}${url}`);
    problems.push(...[await reflowProblem(url)].filter((p) => p !== undefined));
  }
  assert.deepEqual(problems, []);
});

test('the send pages reflow at 320 px with 200% text: the form, its errors and the confirmation', { skip: skipReason, timeout: TEST_TIMEOUT }, async () => {
  assert.ok(page && h);
  const problems: string[] = [];
  const check = async (name: string) => { problems.push(...[await reflowProblem(name)].filter((p) => p !== undefined)); };
  for (const given of [
    { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true },
    { age_years: 40, body_region: 'lower_back', main_concern: 'pain_only', bladder_change: true },
  ]) {
    const { answers } = completeAnswers(content(), given);
    await page.goto(`${base}/send/start?s=${await resultToken(new Client(h.app), answers)}`);
    await check('send form');
    await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Send to the clinic")')]);
    assert.equal(await page.locator('#error-summary').count(), 1);
    await check('send form with errors');
    await page.fill('#name', 'Alexandria Wolfeschlegelsteinhausenbergerdorff');
    await page.fill('#email', 'a.very.long.email.address.for.testing@subdomain.example-clinic.co.uk');
    await page.check('input[name="best_time"][value="morning"]');
    await page.check('#consent');
    await Promise.all([page.waitForURL(/\/send\/done\?/), page.click('button:has-text("Send to the clinic")')]);
    await check('confirmation');
  }
  assert.deepEqual(problems, []);
});
