// Whole checks in Chromium, clicking through the pages, with JavaScript on and off: one person per level.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LEVELS } from '../../src/engine/types.js';
import { PEOPLE } from '../../src/web/examples.js';
import { launchBrowser, PHONE, skipReason, startApp, takeCheck, TEST_TIMEOUT, type RunningApp } from './browser-support.js';

let browser: Browser | undefined;
let running: RunningApp | undefined;
const contexts: Partial<Record<'js' | 'nojs', { context: BrowserContext; page: Page }>> = {};
const base = (): string => running?.base ?? '';

before(async () => {
  if (skipReason !== false) return;
  running = await startApp();
  browser = await launchBrowser();
  for (const mode of ['js', 'nojs'] as const) {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: mode === 'js' });
    contexts[mode] = { context, page: await context.newPage() };
  }
});

after(async () => {
  await browser?.close();
  await running?.app.close();
});

function pageFor(mode: 'js' | 'nojs'): Page {
  const entry = contexts[mode];
  assert.ok(entry);
  return entry.page;
}

for (const mode of ['js', 'nojs'] as const) {
  for (const level of LEVELS) {
    test(`${mode === 'js' ? 'with' : 'without'} JavaScript: a ${level} check from the home page to the result`, { skip: skipReason, timeout: TEST_TIMEOUT }, async () => {
      const page = pageFor(mode);
      const seen = await takeCheck(page, base(), PEOPLE[level]);
      assert.equal(seen.at(-1), `result:${level}`, seen.join(' '));
      assert.equal(seen.includes('check-answers'), level !== 'emergency', 'check your answers comes before every result but an emergency');
      assert.match(page.url(), /^[^?]*(\?s=[A-Za-z0-9_-]+)?$/, 'the address holds nothing but the sealed state');
      assert.ok(await page.locator(`.card-${level} h1`).isVisible());
      // The emergency line sits above an emergency or urgent result only; other results carry their own safety net.
      assert.equal(await page.locator('#emergency a[href="tel:999"]').isVisible(), level === 'emergency' || level === 'urgent');
      if (level !== 'emergency') assert.ok(await page.locator('h2:has-text("Get help quickly if things change")').isVisible());
      const cookies = await page.context().cookies();
      assert.deepEqual(cookies, [], 'no cookies for an anonymous check');
    });
  }
}

test('without JavaScript: an error keeps what was typed and Back returns with the answer selected', { skip: skipReason, timeout: TEST_TIMEOUT }, async () => {
  const page = pageFor('nojs');
  await page.goto(`${base()}/check`);
  await page.fill('#answer', 'forty');
  await page.click('button:has-text("Continue")');
  assert.equal(await page.locator('.errs a[href="#answer"]').textContent(), 'Enter your age in whole years, like 45');
  assert.equal(await page.inputValue('#answer'), 'forty');
  assert.match(await page.title(), /^Error: /);
  await page.fill('#answer', '50');
  await page.click('button:has-text("Continue")');
  await page.check('input[name="answer"][value="hip"]');
  await page.click('button:has-text("Continue")');
  await page.click('a.back');
  assert.equal(await page.locator('h1').textContent(), 'Where is the noise or pain?');
  assert.ok(await page.isChecked('input[name="answer"][value="hip"]'));
  await page.click('a.back');
  assert.equal(await page.inputValue('#answer'), '50');
});

test('with JavaScript: the error summary takes focus, and None of these clears the other boxes', { skip: skipReason, timeout: TEST_TIMEOUT }, async () => {
  const page = pageFor('js');
  await page.goto(`${base()}/check`);
  await page.click('button:has-text("Continue")');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
  await page.fill('#answer', '44');
  await page.click('button:has-text("Continue")');
  await page.check('input[name="answer"][value="lower_back"]');
  await page.click('button:has-text("Continue")');
  await page.check('input[name="answer"][value="pain_only"]');
  await page.click('button:has-text("Continue")');
  await page.check('input[name="answer"][value="bladder_change"]');
  await page.check('#answer-none');
  assert.equal(await page.isChecked('input[name="answer"][value="bladder_change"]'), false);
});

test('a saved result link re-opens the result, and says whether the check has changed', { skip: skipReason, timeout: TEST_TIMEOUT }, async () => {
  const page = pageFor('js');
  await takeCheck(page, base(), PEOPLE.routine);
  const link = await page.inputValue('#share-link');
  assert.match(link, /\/check\/saved#v=/);
  const [fragment = ''] = link.split('#').slice(1);
  await page.goto(`${base()}/`);
  await page.goto(link);
  await page.waitForURL(/\/check\/result\?s=/, { waitUntil: 'load' });
  await page.locator('.card-routine').waitFor();
  assert.match(await page.locator('.inset').first().textContent() ?? '', /has not changed/);
  // The link's page hands over to the result's own address: Back leaves, instead of opening the link again.
  await page.goBack();
  assert.equal(page.url(), `${base()}/`);
  await page.goForward();
  assert.match(page.url(), /\/check\/result\?s=/);
  await page.goto(`${base()}/`);
  await page.goto(`${base()}/check/saved#${fragment.replace(/^v=[^&]*/, 'v=older')}`);
  await page.locator('.card-routine').waitFor();
  assert.match(await page.locator('.inset').first().textContent() ?? '', /has been updated since you saved this result/);
  const nojs = pageFor('nojs');
  await nojs.goto(link);
  assert.ok(await nojs.locator('text=this page needs JavaScript').isVisible());
});

test('the result prints without forms or navigation', { skip: skipReason, timeout: TEST_TIMEOUT }, async () => {
  const page = pageFor('js');
  await takeCheck(page, base(), PEOPLE.soon);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#send-start').count(), 1);
  assert.equal(await page.locator('#send-start').isVisible(), false);
  assert.equal(await page.locator('.share').isVisible(), false);
  assert.ok(await page.locator('.card-soon').isVisible());
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000);
  await page.emulateMedia({ media: 'screen' });
});

test('the skip link on a question page goes past the header and the emergency line to the question', { skip: skipReason, timeout: TEST_TIMEOUT }, async () => {
  for (const mode of ['js', 'nojs'] as const) {
    const page = pageFor(mode);
    for (const [url, first] of [['/check', 'answer'], ['', 'answer']] as const) {
      if (url === '') {
        await page.fill('#answer', '40');
        await Promise.all([page.waitForURL(/\/check\/q\?s=/), page.click('button:has-text("Continue")')]);
      } else {
        await page.goto(`${base()}${url}`);
      }
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to the question');
      assert.ok(await page.locator('a.skip').isVisible(), 'the skip link shows when focused');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), first, `${mode}: Tab after the skip link reaches the first answer`);
    }
  }
});
