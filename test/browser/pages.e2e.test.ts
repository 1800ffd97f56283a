// Every named page example in Chromium: no axe violations (WCAG 2.0/2.1 A and AA), and phone and desktop screenshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seeded, testStates } from '../../src/server/test-support.js';
import { pageExamples } from '../../src/web/examples.js';
import { DESKTOP, launchBrowser, PHONE, postFrom, screenshotDir, skipReason, startApp, TEST_TIMEOUT, type RunningApp } from './browser-support.js';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const examples = pageExamples(seeded().content, { slug: 'why-backs-crack', tag: 'knee' }, testStates());

let browser: Browser | undefined;
let running: RunningApp | undefined;
const pages: { phone?: Page; desktop?: Page; contexts: BrowserContext[] } = { contexts: [] };

before(async () => {
  if (skipReason !== false) return;
  running = await startApp();
  browser = await launchBrowser();
  for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    const context = await browser.newContext({ viewport, ...(name === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    pages.contexts.push(context);
    pages[name] = await context.newPage();
  }
});

after(async () => {
  await browser?.close();
  await running?.app.close();
});

async function open(page: Page, index: number): Promise<number> {
  const ex = examples[index];
  const base = running?.base ?? '';
  if (ex === undefined) throw new Error('no example');
  if (ex.method === 'GET') {
    const res = await page.goto(`${base}${ex.url}`, { waitUntil: 'load' });
    return res?.status() ?? 0;
  }
  const status = page.waitForResponse((r) => r.url() === `${base}${ex.url}` && r.request().method() === 'POST');
  await postFrom(page, base, ex.url, ex.fields);
  return (await status).status();
}

examples.forEach((ex, index) => {
  test(`page ${ex.name}: no axe violations; screenshots at phone and desktop size`, { skip: skipReason, timeout: TEST_TIMEOUT }, async () => {
    const dir = screenshotDir();
    for (const name of ['phone', 'desktop'] as const) {
      const page = pages[name];
      assert.ok(page);
      assert.equal(await open(page, index), ex.status);
      await page.screenshot({ path: join(dir, `${ex.name}-${name}.png`), fullPage: true });
      if (name === 'desktop') {
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        assert.deepEqual(violations, [], `axe on ${ex.name}`);
        assert.ok(results.passes.length > 0, 'axe ran');
      }
    }
  });
});

test('a phone-sized page does not scroll sideways', { skip: skipReason, timeout: TEST_TIMEOUT }, async () => {
  const page = pages.phone;
  assert.ok(page);
  for (const url of ['/', '/check', '/articles/why-backs-crack']) {
    await page.goto(`${running?.base ?? ''}${url}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${url} overflows by ${String(overflow)}px`);
  }
});
