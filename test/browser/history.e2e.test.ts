// The browser's Back, Forward and refresh on every kind of check page, with JavaScript on and off: no "Confirm form
// resubmission", the same page again, and an article opened from the result comes back to that result.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { PEOPLE } from '../../src/web/examples.js';
import { answerOnScreen, launchBrowser, pageKind, PHONE, skipReason, startApp, takeCheck, TEST_TIMEOUT, type RunningApp } from './browser-support.js';

let browser: Browser | undefined;
let running: RunningApp | undefined;
const contexts: BrowserContext[] = [];
const base = (): string => running?.base ?? '';

before(async () => {
  if (skipReason !== false) return;
  running = await startApp();
  browser = await launchBrowser();
});

after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await running?.app.close();
});

async function newPage(js: boolean): Promise<Page> {
  assert.ok(browser);
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: js });
  contexts.push(context);
  return context.newPage();
}

/** A history or reload navigation that loaded a real page: a resubmission prompt shows as a failed or missing response. */
function loaded(response: Response | null, what: string): void {
  assert.ok(response !== null, `${what}: no response (the browser did not load the page)`);
  assert.equal(response.request().method(), 'GET', `${what}: reached by GET`);
  assert.equal(response.status(), 200, `${what}: status`);
}

/** Presses Continue and waits for the next page (every question page has its own address). */
async function pressContinue(page: Page): Promise<void> {
  const before = page.url();
  await Promise.all([page.waitForURL((url) => url.href !== before), page.click('button:has-text("Continue")')]);
}

const h1 = async (page: Page) => (await page.locator('h1').first().textContent())?.trim() ?? '';

for (const js of [true, false]) {
  const mode = js ? 'with JavaScript' : 'without JavaScript';

  test(`${mode}: forward through a whole check, Read more from the result, Back to the same result; Back on a question page`, { skip: skipReason, timeout: TEST_TIMEOUT }, async () => {
    const page = await newPage(js);
    const seen = await takeCheck(page, base(), PEOPLE.routine);
    assert.equal(seen.at(-1), 'result:routine');
    const resultUrl = page.url();
    assert.match(resultUrl, /\/check\/result\?s=[A-Za-z0-9_-]+$/);
    const resultTitle = await h1(page);
    const article = page.locator('h2:has-text("Read more") + ul a').first();
    const articleHref = await article.getAttribute('href');
    await Promise.all([page.waitForURL(`${base()}${articleHref ?? ''}`), article.click()]);
    assert.notEqual(await h1(page), resultTitle);

    loaded(await page.goBack(), 'Back from the article');
    assert.equal(page.url(), resultUrl, 'the same result address');
    assert.equal(await h1(page), resultTitle);
    assert.ok(await page.locator('.card-routine').isVisible());

    // Further back: check your answers, then the last question with its answer still selected.
    loaded(await page.goBack(), 'Back from the result');
    assert.equal((await pageKind(page)).kind, 'check-answers');
    loaded(await page.goBack(), 'Back from check your answers');
    assert.equal((await pageKind(page)).kind, 'question');
    assert.ok((await page.locator('input[name="answer"]:checked, input.num').count()) > 0);
    // And forward again to the same result.
    loaded(await page.goForward(), 'Forward');
    loaded(await page.goForward(), 'Forward');
    assert.equal(page.url(), resultUrl);

    // Back on a question page: the previous question, with its answer selected, and it still goes on from there.
    await page.goto(`${base()}/check`);
    await page.fill('#answer', '62');
    await Promise.all([page.waitForURL(/\/check\/q\?s=/), page.click('button:has-text("Continue")')]);
    await page.check('input[name="answer"][value="knee"]');
    await pressContinue(page);
    assert.equal(await h1(page), 'What made you want to check?');
    loaded(await page.goBack(), 'Back on a question page');
    assert.equal(await h1(page), 'Where is the noise or pain?');
    assert.ok(await page.isChecked('input[name="answer"][value="knee"]'), 'the answer given is still selected');
    await page.check('input[name="answer"][value="hip"]');
    await pressContinue(page);
    assert.equal(await h1(page), 'What made you want to check?');

    // The page's own Back link does the same, also for a typed number.
    await Promise.all([page.waitForURL(/\/check\/q\?s=/), page.click('a.back')]);
    assert.ok(await page.isChecked('input[name="answer"][value="hip"]'));
    await Promise.all([page.waitForURL(/\/check\/q\?s=/), page.click('a.back')]);
    assert.equal(await page.inputValue('#answer'), '62');

    // A typed number comes back too with JavaScript (the browser itself puts back only ticks: see src/web/README.md).
    if (js) {
      await page.goto(`${base()}/check`);
      await page.fill('#answer', '57');
      await pressContinue(page);
      loaded(await page.goBack(), 'Back to a typed answer');
      assert.equal(await page.inputValue('#answer'), '57');
      await pressContinue(page);
      assert.equal(await h1(page), 'Where is the noise or pain?');
    }
  });

  test(`${mode}: refreshing a question page, an error and a result shows the same page again`, { skip: skipReason, timeout: TEST_TIMEOUT }, async () => {
    const page = await newPage(js);
    await page.goto(`${base()}/check`);
    await answerOnScreen(page, PEOPLE.soon);
    await answerOnScreen(page, PEOPLE.soon);
    const url = page.url();
    const question = await h1(page);
    loaded(await page.reload(), 'Refresh of a question page');
    assert.equal(page.url(), url);
    assert.equal(await h1(page), question);
    // It still works after the refresh.
    await answerOnScreen(page, PEOPLE.soon);
    assert.notEqual(await h1(page), question);

    // An error page is an address too: refreshing it shows the error again, with what was typed.
    await page.goto(`${base()}/check`);
    await page.fill('#answer', 'forty');
    await Promise.all([page.waitForURL(/\/check\/q\?s=/), page.click('button:has-text("Continue")')]);
    const again = await page.reload();
    assert.ok(again !== null && again.request().method() === 'GET' && again.status() === 400);
    assert.equal(await page.inputValue('#answer'), 'forty');
    assert.match(await page.locator('.errs').textContent() ?? '', /Enter your age in whole years/);

    // A bookmark of the result opens it again.
    await takeCheck(page, base(), PEOPLE.soon);
    const result = page.url();
    await page.goto(`${base()}/`);
    loaded(await page.goto(result), 'Opening the result address again');
    assert.ok(await page.locator('.card-soon').isVisible());
  });
}
