// In a real browser: a person sends an urgent result to the clinic; a clinician signs in, finds it at the top of the
// inbox, opens it, records feedback and closes it. Axe checks the clinic pages on the way.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { completeAnswers } from './helpers/answers.js';
import { addStaff, content, PASSWORD, startHarness, type Harness } from './helpers/harness.js';
import { resultToken, sendResult } from './helpers/send-helper.js';
import { Client } from './helpers/harness.js';

const CHROMIUM = '/usr/bin/chromium';
const skip: string | false = process.env.CI !== 'true' && !existsSync(CHROMIUM) ? `Chromium is not installed at ${CHROMIUM}; browser test skipped` : false;

const c = content();
const URGENT = completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true });
const SOON = completeAnswers(c, { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', injury_recent: true, joint_gives_way: true });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => { resolve(typeof address === 'object' && address !== null ? address.port : 0); });
    });
  });
}

async function axe(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `axe on ${name}`);
}

describe('a person sends an urgent result and a clinician deals with it', { skip, timeout: 120_000 }, () => {
  let h: Harness;
  let browser: Browser;
  let base = '';

  before(async () => {
    if (skip !== false) return;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    h = await startHarness({ baseUrl: base });
    await h.app.listen({ port, host: '127.0.0.1' });
    await addStaff(h, 'cleo@example.com', 'clinician', 'Cleo Clinician');
    // Something less urgent is already waiting, sent earlier.
    await sendResult(new Client(h.app), SOON.answers, { name: 'Earlier Soon' });
    browser = await chromium.launch({
      executablePath: CHROMIUM, headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
        '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
    });
  });
  after(async () => {
    if (skip !== false) return;
    await browser.close();
    await h.close();
  });

  it('works from the result page to a closed item with feedback', { timeout: 90_000 }, async () => {
    // The person, on their result page (its address holds their answers sealed, as the check makes it).
    const person = await browser.newContext();
    const page = await person.newPage();
    await page.goto(`${base}/check/result?s=${await resultToken(new Client(h.app), URGENT.answers)}`);
    await page.getByRole('link', { name: 'Send this result to the clinic' }).click();
    await page.waitForURL(/\/send\/start\?s=/);
    await axe(page, 'the send form');
    await page.getByRole('button', { name: 'Send to the clinic' }).click();
    assert.match(await page.locator('#error-summary').innerText(), /Enter your name/);
    await page.getByLabel('Your name').fill('Una Urgent');
    await page.getByLabel('Phone number').fill('07700 900123');
    await page.getByLabel('Morning').check();
    await page.getByLabel(/I agree that/).check();
    await page.getByRole('button', { name: 'Send to the clinic' }).click();
    await page.waitForURL(/\/send\/done\?/);
    const reference = (await page.locator('#reference').innerText()).trim();
    assert.match(reference, /^CRK-/);
    assert.match(await page.locator('main').innerText(), /Do not wait for a reply/);
    await axe(page, 'the confirmation');
    assert.deepEqual((await person.cookies()).map((k) => k.name), [], 'no cookie for the person');
    await person.close();

    // The clinician.
    const staff = await browser.newContext();
    const sp = await staff.newPage();
    await sp.goto(`${base}/clinic`);
    await sp.waitForURL(/\/clinic\/login/);
    await sp.getByLabel('Email address').fill('cleo@example.com');
    await sp.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await sp.getByRole('button', { name: 'Sign in' }).click();
    await sp.waitForURL(`${base}/clinic`);
    const first = sp.locator('#inbox tbody tr').first();
    assert.equal(await first.getAttribute('data-reference'), reference, 'the urgent result is at the top');
    await axe(sp, 'the inbox');
    await first.getByRole('link', { name: reference }).click();
    await sp.waitForURL(`${base}/clinic/submissions/${reference}`);
    assert.match(await sp.locator('main').innerText(), /Una Urgent/);
    await axe(sp, 'the detail page');
    await sp.getByLabel('Agree with the triage').check();
    await sp.getByLabel('Comment (optional)').fill('Right call: locked knee.');
    await sp.getByRole('button', { name: 'Save feedback' }).click();
    await sp.waitForURL(/done=feedback/);
    await sp.getByLabel('Move to').selectOption('closed');
    await sp.getByLabel('Note (optional)').fill('Seen in clinic today.');
    await sp.getByRole('button', { name: 'Save status' }).click();
    await sp.waitForURL(/done=status/);
    const history = await sp.locator('#history').innerText();
    assert.match(history, /New → Closed by Cleo Clinician/);
    assert.match(history, /Seen in clinic today\./);
    await sp.goto(`${base}/clinic`);
    assert.ok(!(await sp.locator(`tr[data-reference="${reference}"]`).count()), 'closed items leave the open inbox');
    const stored = await h.clinic.ctx.store.kysely.selectFrom('feedback').select(['verdict', 'comment']).execute();
    assert.deepEqual(stored, [{ verdict: 'agree', comment: 'Right call: locked knee.' }]);
    await staff.close();
  });
});
