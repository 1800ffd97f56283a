// Tests for the page chrome: escaping, the emergency line, structured data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../config.js';
import { Layout, jsonLdText } from './layout.js';
import { renderPage } from './render.js';
import type { Site } from './site.js';

const site: Site = { config: loadConfig({}), assets: { css: '/assets/app.css', js: '/assets/e.js', favicon: '/assets/i.svg' } };

test('the layout escapes the title and shows the emergency line only on check pages', async () => {
  const check = await renderPage(<Layout site={site} title="<b>Q</b>" check={true}><p>x</p></Layout>);
  assert.match(check, /^<!doctype html><html lang="en-GB">/);
  assert.match(check, /&lt;b&gt;Q&lt;\/b&gt;/);
  assert.match(check, /<a href="tel:999">999<\/a>/);
  assert.match(check, /noindex/);
  const plain = await renderPage(<Layout site={site} title="Home" canonicalPath="/"><p>x</p></Layout>);
  assert.doesNotMatch(plain, /id="emergency"/);
  assert.match(plain, /<link rel="canonical" href="http:\/\/localhost:3000\/"/);
});

test('JSON-LD cannot close its script element', () => {
  const text = jsonLdText({ name: '</script><script>alert(1)</script>' });
  assert.doesNotMatch(text, /<\/script/i);
  assert.deepEqual(JSON.parse(text), { name: '</script><script>alert(1)</script>' });
});
