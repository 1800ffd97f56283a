// Tests for the static assets: the built scripts are current and small, the stylesheet is themed and served compressed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildClient } from '../../client/build.js';
import { loadConfig } from '../config.js';
import { loadAssets, themedCss } from './assets.js';
import { testApp } from './test-support.js';

test('public/enhance.js and public/embed.js are built from client/ (run: node --import tsx client/build.ts)', async () => {
  for (const [file, text] of await buildClient()) {
    assert.equal(readFileSync(file, 'utf8'), text, `${file} is out of date`);
    assert.ok(gzipSync(text).length < 20 * 1024, `${file} is under 20 KB gzipped`);
  }
});

test('the stylesheet carries the clinic accent colour and gets a content-hashed address', () => {
  assert.match(themedCss(':root{--accent:#005eb8;--x:1}', '#7a1f5c'), /--accent:#7a1f5c;/);
  const a = loadAssets(loadConfig({}));
  const b = loadAssets(loadConfig({ CLINIC_ACCENT_COLOUR: '#7a1f5c' }));
  assert.notEqual(a.css, b.css);
  assert.match(a.css, /^\/assets\/app\.[0-9a-f]{10}\.css$/);
});

test('assets are served precompressed, immutable, with 304 for a known ETag', async () => {
  const app = testApp();
  try {
    const page = await app.inject({ url: '/' });
    const css = /href="(\/assets\/app\.[^"]+\.css)"/.exec(page.body)?.[1] ?? '';
    const br = await app.inject({ url: css, headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
    const plain = await app.inject({ url: css });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(plain.body, /--accent:#005eb8/);
    const again = await app.inject({ url: css, headers: { 'if-none-match': String(plain.headers.etag) } });
    assert.equal(again.statusCode, 304);
    const embed = await app.inject({ url: '/embed.js' });
    assert.equal(embed.statusCode, 200);
    assert.equal(embed.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal((await app.inject({ url: '/assets/nope.css' })).statusCode, 404);
    const favicon = await app.inject({ url: '/favicon.ico' });
    assert.equal(favicon.statusCode, 301);
    assert.match(String(favicon.headers.location), /^\/assets\/icon\.[0-9a-f]{10}\.svg$/);
  } finally {
    await app.close();
  }
});

test('a logo file is served from this site; a logo address is allowed by the CSP', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'creak-logo-'));
  const file = join(dir, 'logo.svg');
  writeFileSync(file, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  const local = testApp({ config: loadConfig({ CLINIC_LOGO_URL: file, CLINIC_NAME: 'Hill Physio' }) });
  try {
    const page = await local.inject({ url: '/' });
    const src = /<img src="(\/assets\/logo\.[0-9a-f]{10}\.svg)" alt="Hill Physio"/.exec(page.body)?.[1];
    assert.ok(src, 'the logo is an asset of this site');
    const logo = await local.inject({ url: src });
    assert.equal(logo.headers['content-type'], 'image/svg+xml');
    assert.match(String(page.headers['content-security-policy']), /img-src 'self';/);
  } finally {
    await local.close();
  }
  const remote = testApp({ config: loadConfig({ CLINIC_LOGO_URL: 'https://cdn.clinic.example/logo.png' }) });
  try {
    const page = await remote.inject({ url: '/' });
    assert.match(page.body, /<img src="https:\/\/cdn.clinic.example\/logo.png"/);
    assert.match(String(page.headers['content-security-policy']), /img-src 'self' https:\/\/cdn.clinic.example;/);
  } finally {
    await remote.close();
  }
  assert.throws(() => loadAssets(loadConfig({ CLINIC_LOGO_URL: join(dir, 'logo.txt') })), /not an .svg/);
});
