// The embedding snippet on another site: the iframe loads, resizes itself to its page, and is refused where framing is not allowed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { Browser, Frame, Page } from 'playwright-core';
import { freePort, launchBrowser, skipReason, startApp, TEST_TIMEOUT, type RunningApp } from './browser-support.js';

/** The snippet documented in docs/embedding.md, pointing at `app`. */
function snippet(app: string): string {
  return `<iframe src="${app}/check" title="Joint and back pain self-check" data-creak style="width:100%;border:0" height="600"></iframe>\n` +
    `<script src="${app}/embed.js" async></script>`;
}

let browser: Browser | undefined;
let host: Server | undefined;
let hostBase = '';
const apps: RunningApp[] = [];

before(async () => {
  if (skipReason !== false) return;
  const port = await freePort();
  hostBase = `http://127.0.0.1:${String(port)}`;
  // The clinic's own site: pages at /embed?app=<check address>.
  host = createServer((req, res) => {
    const app = new URL(req.url ?? '/', hostBase).searchParams.get('app') ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Clinic</title></head><body><h1>Our clinic</h1><p>Take the check below.</p>${snippet(app)}<p id="after">Footer</p></body></html>`);
  });
  await new Promise<void>((resolve) => host?.listen(port, '127.0.0.1', resolve));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  for (const a of apps) await a.app.close();
});

async function hostPage(appBase: string): Promise<{ page: Page; frame: () => Frame | undefined }> {
  assert.ok(browser);
  const page = await browser.newPage({ viewport: { width: 800, height: 700 } });
  await page.goto(`${hostBase}/embed?app=${encodeURIComponent(appBase)}`);
  return { page, frame: () => page.frames().find((f) => f.url().startsWith(appBase)) };
}

const frameHeight = (page: Page) => page.evaluate(() => document.querySelector('iframe')?.getBoundingClientRect().height ?? 0);

test('the embedded check loads, resizes itself to its page, and keeps resizing as pages change', { skip: skipReason, timeout: TEST_TIMEOUT }, async () => {
  const running = await startApp({ FRAME_ANCESTORS: hostBase });
  apps.push(running);
  const { page, frame } = await hostPage(running.base);
  await page.waitForFunction(() => (document.querySelector('iframe')?.getBoundingClientRect().height ?? 600) !== 600);
  const f = frame();
  assert.ok(f);
  assert.equal(await f.locator('h1').textContent(), 'How old are you?');
  const inner = await f.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.ok(Math.abs((await frameHeight(page)) - inner) <= 2, 'the frame is as tall as its page');
  await f.fill('#answer', '40');
  await f.click('button:has-text("Continue")');
  await f.waitForSelector('text=Where is the noise or pain?');
  await page.waitForFunction((before) => Math.abs((document.querySelector('iframe')?.getBoundingClientRect().height ?? 0) - before) > 50, inner);
  const taller = await f.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.ok(Math.abs((await frameHeight(page)) - taller) <= 2);
  await page.close();
});

test('without FRAME_ANCESTORS the check refuses to be framed by another site', { skip: skipReason, timeout: TEST_TIMEOUT }, async () => {
  const running = await startApp();
  apps.push(running);
  const { page, frame } = await hostPage(running.base);
  await page.waitForTimeout(1000);
  const f = frame();
  const heading = f === undefined ? 0 : await f.locator('h1').count();
  assert.equal(heading, 0, 'the check did not render inside the frame');
  assert.equal(await frameHeight(page), 600);
  await page.close();
});
