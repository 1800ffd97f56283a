// Shared set-up for the browser tests: Debian's Chromium through playwright-core, a real listening app, and page helpers.
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig, type AppConfig } from '../../src/config.js';
import { answerFields, formEncode, questionOnPage, seeded, TEST_KEYS } from '../../src/server/test-support.js';
import { buildApp } from '../../src/server/app.js';
import type { Facts } from '../../src/web/examples.js';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Browser tests run whenever Chromium is installed and are required when CI=true: then a missing
 * Chromium fails the launch instead of skipping.
 */
export const skipReason: string | false =
  process.env.CI !== 'true' && !existsSync(CHROMIUM) ? `Chromium is not installed at ${CHROMIUM} (apt-get install chromium); browser tests skipped` : false;

export const TEST_TIMEOUT = 90_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => { resolve(port); });
    });
  });
}

export interface RunningApp {
  app: FastifyInstance;
  base: string;
  config: AppConfig;
}

/** Starts the app on a free loopback port, with its base URL set to that address. */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  const base = `http://127.0.0.1:${String(port)}`;
  const config = loadConfig({ PORT: String(port), BASE_URL: base, ...env });
  const s = seeded();
  const app = buildApp({ config, content: s.content, library: s.library, stateKeys: TEST_KEYS });
  await app.listen({ port, host: '127.0.0.1' });
  return { app, base, config };
}

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

export function screenshotDir(): string {
  const dir = 'artifacts/screenshots';
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Posts form fields from a page of the site (JavaScript must be on) and waits for the resulting page. */
export async function postFrom(page: Page, base: string, url: string, fields: readonly (readonly [string, string])[]): Promise<void> {
  if (!page.url().startsWith(base) || page.url().endsWith(url)) await page.goto(`${base}/privacy`);
  await Promise.all([
    page.waitForURL(`${base}${url}`, { waitUntil: 'load' }),
    page.evaluate(({ action, pairs }) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = action;
      for (const [name, value] of pairs) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.appendChild(input);
      }
      document.body.appendChild(form);
      form.submit();
    }, { action: url, pairs: fields.map(([n, v]): [string, string] => [n, v]) }),
  ]);
}

/** The kind of check page shown: a question (with its id), check your answers, a result (with its level), or other. */
export async function pageKind(page: Page): Promise<{ kind: 'question' | 'check-answers' | 'result' | 'other'; id?: string }> {
  const html = await page.content();
  if (html.includes('action="/check" novalidate')) return { kind: 'question', id: questionOnPage(html).id };
  if (html.includes('id="see-result"')) return { kind: 'check-answers' };
  const level = /class="card card-([a-z_]+)"/.exec(html)?.[1];
  return level === undefined ? { kind: 'other' } : { kind: 'result', id: level };
}

/** Answers the question on screen as a person with these facts would, using the controls, then presses Continue. */
export async function answerOnScreen(page: Page, facts: Facts): Promise<void> {
  const { id, shown } = questionOnPage(await page.content());
  for (const [name, value] of answerFields(seeded().content, id, shown, facts)) {
    if (name === 'unsure') await page.check('#unsure');
    else if (name === 'unit') await page.selectOption('#unit', value);
    else if (name === 'answer' && (await page.locator('input#answer.num').count()) > 0) { if (value !== '') await page.fill('#answer', value); }
    else await page.check(`input[name="answer"][value="${value}"]`);
  }
  await Promise.all([page.waitForLoadState('load'), page.click('button.btn:has-text("Continue")')]);
}

/** Takes the check from the start page to the result; returns the page kinds seen. */
export async function takeCheck(page: Page, base: string, facts: Facts): Promise<string[]> {
  await page.goto(`${base}/`);
  await Promise.all([page.waitForURL(`${base}/check`), page.click('a.btn-start')]);
  const seen: string[] = [];
  for (let i = 0; i < 80; i++) {
    const { kind, id } = await pageKind(page);
    seen.push(id === undefined ? kind : `${kind}:${id}`);
    if (kind === 'question') await answerOnScreen(page, facts);
    else if (kind === 'check-answers') await Promise.all([page.waitForURL(/\/check\/result\?s=/), page.click('a:has-text("See your result")')]);
    else return seen;
  }
  throw new Error(`the check did not finish: ${seen.join(' ')}`);
}

export { formEncode };
