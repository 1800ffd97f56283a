// In Chromium at phone and desktop width: the staff pages use the width they need, the inbox table fits its column
// (stacked into labelled rows on a phone), and a submission's page starts with its summary and actions. Screenshots.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, freePort, launchBrowser, PHONE, screenshotDir, skipReason } from '../browser/browser-support.js';
import { completeAnswers } from './helpers/answers.js';
import { addStaff, Client, content, PASSWORD, startHarness, type Harness } from './helpers/harness.js';
import { sendResult } from './helpers/send-helper.js';

const c = content();
const PEOPLE = [
  completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true }),
  completeAnswers(c, { age_years: 40, body_region: 'lower_back', main_concern: 'pain_only', bladder_change: true }),
  completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_gives_way: true }),
  completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_only' }),
];

async function signIn(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/clinic/login`);
  await page.getByLabel('Email address').fill('cleo@example.com');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await Promise.all([page.waitForURL(`${base}/clinic`), page.getByRole('button', { name: 'Sign in' }).click()]);
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).first().boundingBox();
  assert.ok(b, `${selector} is shown`);
  return b;
};

describe('staff pages at phone and desktop width', { skip: skipReason, timeout: 180_000 }, () => {
  let h: Harness;
  let browser: Browser;
  let base = '';
  let reference = '';

  before(async () => {
    if (skipReason !== false) return;
    const port = await freePort();
    base = `http://127.0.0.1:${String(port)}`;
    h = await startHarness({ baseUrl: base });
    await h.app.listen({ port, host: '127.0.0.1' });
    await addStaff(h, 'cleo@example.com', 'clinician', 'Cleo Clinician');
    const person = new Client(h.app);
    const names = ['Ursula Early', 'Emil Emergency', 'Sonny Soon', 'Sally Self'];
    for (const [i, p] of PEOPLE.entries()) await sendResult(person, p.answers, { name: names[i] ?? 'X' });
    reference = await sendResult(person, PEOPLE[0]?.answers ?? {}, {
      name: 'Maximilian Alexander-Wolfeschlegelsteinhausenbergerdorff', email: 'maximilian.alexander.wolfeschlegelstein@subdomain.example-clinic.co.uk',
      message: 'My knee locked this morning on the stairs and it will not straighten at all.',
    });
    browser = await launchBrowser();
  });
  after(async () => {
    if (skipReason !== false) return;
    await browser.close();
    await h.close();
  });

  for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`${name}: the inbox fits without scrolling sideways${name === 'phone' ? ', its rows stacked with labels' : ', using the width it needs'}`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await signIn(page, base);
      assert.equal(await sideways(page), 0, 'the inbox does not scroll sideways');
      const table = await box(page, '#inbox');
      const main = await box(page, 'main');
      assert.ok(table.x + table.width <= main.x + main.width + 1, `the table (${String(table.width)}px) fits its column (${String(main.width)}px)`);
      const display = await page.locator('#inbox td').first().evaluate((td) => getComputedStyle(td).display);
      const label = await page.locator('#inbox td').first().evaluate((td) => getComputedStyle(td, '::before').content);
      if (name === 'phone') {
        assert.notEqual(display, 'table-cell', 'cells stack on a phone');
        assert.equal(label, '"Reference"', 'each value is labelled');
        const sent = page.locator('#inbox td[data-label="Sent"]').first();
        const [cell, value] = [await sent.boundingBox(), await sent.locator('div').boundingBox()];
        assert.ok(cell && value && value.x > cell.x + 40, 'a value with two lines stays beside its label');
      } else {
        assert.equal(display, 'table-cell');
        assert.ok(main.width > 1000, `the staff pages use the width they need (${String(main.width)}px)`);
      }
      await page.screenshot({ path: join(screenshotDir(), `staff-inbox-${name}.png`), fullPage: true });
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      assert.deepEqual(axe.violations.map((v) => v.id), [], 'axe on the inbox');

      await Promise.all([page.waitForURL(`${base}/clinic/submissions/${reference}`), page.locator(`a[href="/clinic/submissions/${reference}"]`).click()]);
      assert.equal(await sideways(page), 0, 'the submission page does not scroll sideways');
      const summary = await box(page, '#summary');
      const status = await box(page, 'button:has-text("Save status")');
      const reasons = await box(page, '#reasons');
      assert.ok(summary.y < viewport.height / 2, 'the summary starts in the top half of the first screen');
      if (name === 'desktop') assert.ok(status.y + status.height <= viewport.height, 'the actions are on the first screen at desktop width');
      assert.ok(status.y < reasons.y, 'the actions come before the reasons');
      await page.screenshot({ path: join(screenshotDir(), `staff-detail-${name}.png`), fullPage: true });
      const axeDetail = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      assert.deepEqual(axeDetail.violations.map((v) => v.id), [], 'axe on the submission page');

      for (const [shot, url] of [['safety', '/clinic/safety'], ['account', '/clinic/account']] as const) {
        await page.goto(`${base}${url}`);
        assert.equal(await sideways(page), 0, `${url} does not scroll sideways`);
        await page.screenshot({ path: join(screenshotDir(), `staff-${shot}-${name}.png`), fullPage: true });
      }
      await context.close();
    });
  }
});
