// In Chromium: the staff Safety page (an admin, content not signed off, a disputed hazard) and the safety case report, with axe and screenshots.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { renderSafetyCaseHtml } from '../../src/safety/report-html.js';
import { buildSafetyCase, type SafetyCase } from '../../src/safety/safety-case.js';
import { completeAnswers } from '../clinic/helpers/answers.js';
import { addStaff, Client, content, PASSWORD, startHarness, type Harness } from '../clinic/helpers/harness.js';
import { sendResult } from '../clinic/helpers/send-helper.js';
import { DESKTOP, freePort, launchBrowser, PHONE, screenshotDir, skipReason, TEST_TIMEOUT } from './browser-support.js';

const c = content();
const LOCKED_KNEE = completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true });

async function axe(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `axe on ${name}`);
}

describe('the safety case in a browser', { skip: skipReason, timeout: TEST_TIMEOUT * 2 }, () => {
  let h: Harness;
  let browser: Browser;
  let base = '';
  let sc: SafetyCase;

  before(async () => {
    if (skipReason !== false) return;
    const nowhere = mkdtempSync(join(tmpdir(), 'creak-no-shared-'));
    sc = buildSafetyCase({
      root: '.', contentDir: 'content', now: new Date('2026-11-30T12:00:00Z'), clinical: c, extraVignettes: [],
      devVignettes: join(nowhere, 'dev.yaml'), sharedHazards: join(nowhere, 'hazards.md'),
    });
    const port = await freePort();
    base = `http://127.0.0.1:${String(port)}`;
    h = await startHarness({ baseUrl: base, signoffs: [], safetyCase: sc });
    await h.app.listen({ port, host: '127.0.0.1' });
    await addStaff(h, 'admin@example.com', 'admin', 'Ada Admin');
    const person = new Client(h.app);
    const admin = new Client(h.app);
    await admin.login('admin@example.com');
    for (const [i, verdict] of ['less_urgent', 'less_urgent', 'agree'].entries()) {
      const ref = await sendResult(person, LOCKED_KNEE.answers, { name: `Pat ${String(i)}` });
      const csrf = await admin.csrfFrom(`/clinic/submissions/${ref}`);
      await admin.post(`/clinic/submissions/${ref}/feedback`, { _csrf: csrf, verdict });
    }
    browser = await launchBrowser();
  });
  after(async () => {
    if (skipReason !== false) return;
    await browser.close();
    await h.close();
  });

  it('the staff Safety page: the admin warning, the safety case and a disputed hazard; no axe violations; screenshots', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${base}/clinic/safety`);
    await page.getByLabel('Email address').fill('admin@example.com');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/clinic/safety`);
    assert.match(await page.locator('#content-not-signed-off').innerText(), /has not been signed off by a clinical safety officer/);
    assert.match(await page.locator('#signoff').innerText(), /Not signed off/);
    assert.match(await page.locator('#hazards-disputed').innerText(), /Clinicians often disagree with the rules of H1/);
    assert.equal(await page.locator('#hazards tbody tr').count(), sc.hazards.length);
    await axe(page, 'the Safety page');
    const dir = screenshotDir();
    await page.screenshot({ path: join(dir, 'clinic-safety-desktop.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(dir, 'clinic-safety-phone.png'), fullPage: true });
    await context.close();
  });

  it('the safety case report: contents, risk matrix and every hazard; no axe violations; screenshot and PDF', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.setContent(await renderSafetyCaseHtml(sc, 'Riverside Physiotherapy'), { waitUntil: 'load' });
    assert.match(await page.locator('#verdict').innerText(), /The safety case passes/);
    assert.deepEqual(await page.locator('nav[aria-label="Contents"] li').allInnerTexts(), [
      'Scope and method', 'Risk matrix', 'Hazards at a glance', 'Hazards and their controls', 'Vignette evaluation', 'Content lint', 'Safety property tests',
    ]);
    assert.equal(await page.locator('table.matrix tbody tr').count(), 5);
    assert.equal(await page.locator('section.hazard').count(), sc.hazards.length);
    await axe(page, 'the report');
    const dir = screenshotDir();
    await page.screenshot({ path: join(dir, 'safety-case-report.png'), fullPage: true });
    await page.screenshot({ path: join(dir, 'safety-case-report-top.png') });
    await page.locator('table.matrix').screenshot({ path: join(dir, 'safety-case-report-matrix.png') });
    await page.locator('#hazard-H1').screenshot({ path: join(dir, 'safety-case-report-h1.png') });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ path: join(dir, 'safety-case-report.pdf'), format: 'A4', printBackground: true });
    assert.ok(pdf.length > 10_000, 'the report prints');
    await context.close();
  });
});
