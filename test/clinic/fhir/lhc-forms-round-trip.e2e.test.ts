// Every test response imported into LHC-Forms (the NLM's FHIR form renderer, in Chromium) with the exported
// Questionnaire and exported back: every answer must survive, so the answer types, options and enableWhen agree with
// what another renderer does with them (defects 1 and 5 of issue 12).
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as fhir4 from 'fhir/r4.js';
import type { Browser, Page } from 'playwright-core';
import { fhirSystems } from '../../../src/clinic/fhir/fhir-systems.js';
import { contentQuestionnaire } from '../../../src/clinic/fhir/questionnaire.js';
import { questionnaireResponse } from '../../../src/clinic/fhir/response.js';
import { DEFAULT_FHIR_CANONICAL_BASE } from '../../../src/config.js';
import { freePort, launchBrowser, skipReason } from '../../browser/browser-support.js';
import { content } from '../helpers/harness.js';
import { answersByLinkId } from './enable-when.js';
import { vignetteResponses } from './vignette-responses.js';

const LFORMS = 'node_modules/lforms/dist/lforms';
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.png': 'image/png' };
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LHC-Forms</title>
<link rel="stylesheet" href="/lforms/webcomponent/styles.css"></head><body><div id="form"></div>
<script src="/lforms/webcomponent/assets/lib/zone.min.js"></script>
<script src="/lforms/webcomponent/runtime.js" type="module"></script>
<script src="/lforms/webcomponent/polyfills.js" type="module"></script>
<script src="/lforms/webcomponent/main.js" type="module"></script></body></html>`;

/** A response's answers as comparable strings: linkId = value. */
function answerSet(qr: fhir4.QuestionnaireResponse): string[] {
  return [...answersByLinkId(qr)].flatMap(([linkId, answers]) => answers.map((a) => {
    const value = a.valueCoding === undefined
      ? JSON.stringify(a.valueBoolean ?? a.valueDecimal ?? a.valueInteger ?? a.valueString ?? null)
      : `${a.valueCoding.system ?? ''}|${a.valueCoding.code ?? ''}`;
    const type = Object.keys(a).find((k) => k.startsWith('value')) ?? '';
    return `${linkId} ${type}=${value}`;
  })).sort();
}

describe('LHC-Forms round trip', { skip: skipReason || (existsSync(LFORMS) ? false : 'the lforms package is not installed') }, () => {
  let server: Server;
  let base = '';
  let browser: Browser;
  let page: Page;

  before(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${String(port)}`;
    server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (path === '/') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
        return;
      }
      const file = normalize(join(LFORMS, path.replace(/^\/lforms\//, '')));
      if (!path.startsWith('/lforms/') || !file.startsWith(normalize(LFORMS)) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(base);
    await page.waitForFunction(() => typeof (window as unknown as { LForms?: { Util?: unknown } }).LForms?.Util === 'object', undefined, { timeout: 60_000 });
    // The FHIR support library extends the LForms object that main.js (a deferred module) defines, so it loads after it.
    await page.addScriptTag({ url: '/lforms/fhir/R4/lformsFHIR.min.js' });
    await page.waitForFunction(() => typeof (window as unknown as { LForms: { FHIR?: unknown } }).LForms.FHIR === 'object', undefined, { timeout: 60_000 });
  });
  after(async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('keeps every answer of every test response through import and export', { timeout: 600_000 }, async () => {
    const c = content();
    const sys = fhirSystems(DEFAULT_FHIR_CANONICAL_BASE);
    const q = contentQuestionnaire(c, DEFAULT_FHIR_CANONICAL_BASE);
    const responses = vignetteResponses(c);
    assert.ok(responses.length > 50);
    let answers = 0;
    const lost: string[] = [];
    for (const r of responses) {
      const qr = questionnaireResponse(q, r.answers, sys.findingSystem, { authored: '2026-03-02T10:00:00Z' });
      const back = await page.evaluate(async ({ questionnaire, response }) => {
        interface LF { Util: {
          convertFHIRQuestionnaireToLForms: (q: unknown, v: string) => unknown;
          mergeFHIRDataIntoLForms: (r: unknown, f: unknown, v: string) => unknown;
          addFormToPage: (f: unknown, el: Element) => Promise<unknown>;
          getFormFHIRData: (type: string, v: string, el: Element) => unknown;
        }; }
        const lf = (window as unknown as { LForms: LF }).LForms;
        const el = document.getElementById('form');
        if (el === null) throw new Error('no form element');
        el.innerHTML = '';
        const form = lf.Util.mergeFHIRDataIntoLForms(response, lf.Util.convertFHIRQuestionnaireToLForms(questionnaire, 'R4'), 'R4');
        await lf.Util.addFormToPage(form, el);
        return lf.Util.getFormFHIRData('QuestionnaireResponse', 'R4', el);
      }, { questionnaire: q, response: qr }) as fhir4.QuestionnaireResponse;
      const before = answerSet(qr);
      const afterwards = new Set(answerSet(back));
      answers += before.length;
      for (const a of before) if (!afterwards.has(a)) lost.push(`${r.id}: ${a}`);
    }
    console.log(`LHC-Forms round trip: ${String(responses.length)} responses, ${String(answers)} answers, ${String(lost.length)} lost`);
    assert.deepEqual(lost, []);
  });
});
