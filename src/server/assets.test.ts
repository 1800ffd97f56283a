// Tests for the static assets: the built scripts are current and small, the stylesheet is themed and served compressed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
  } finally {
    await app.close();
  }
});
