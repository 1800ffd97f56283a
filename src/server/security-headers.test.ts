// Tests for the security headers: no inline script, framing per FRAME_ANCESTORS, HSTS only over https.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../config.js';
import { isStaffPath, securityHeaders, staffSecurityHeaders } from './security-headers.js';

test('the default policy: own scripts only, framed only by this site', () => {
  const h = securityHeaders(loadConfig({}));
  const csp = h['content-security-policy'] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.match(csp, /frame-ancestors 'self'$/);
  assert.doesNotMatch(csp, /unsafe/);
  assert.equal(h['x-frame-options'], 'SAMEORIGIN');
  assert.equal(h['x-content-type-options'], 'nosniff');
  assert.equal(h['referrer-policy'], 'no-referrer');
  assert.equal(h['strict-transport-security'], undefined);
});

test('FRAME_ANCESTORS lets named sites embed the check; https adds HSTS', () => {
  const h = securityHeaders(loadConfig({ FRAME_ANCESTORS: 'https://www.clinic.example, https://clinic.example', BASE_URL: 'https://check.clinic.example' }));
  assert.match(h['content-security-policy'] ?? '', /frame-ancestors 'self' https:\/\/www.clinic.example https:\/\/clinic.example$/);
  assert.equal(h['x-frame-options'], undefined);
  assert.match(h['strict-transport-security'] ?? '', /max-age=31536000/);
});

test('staff pages are never framed, whatever FRAME_ANCESTORS allows the check', () => {
  for (const env of [{}, { FRAME_ANCESTORS: 'https://www.clinic.example' }]) {
    const h = staffSecurityHeaders(loadConfig(env));
    assert.match(h['content-security-policy'] ?? '', /frame-ancestors 'none'$/);
    assert.equal(h['x-frame-options'], 'DENY');
    assert.match(h['content-security-policy'] ?? '', /script-src 'self'/);
  }
  assert.ok(isStaffPath('/clinic') && isStaffPath('/clinic/users') && isStaffPath('/clinic?q=x'));
  assert.ok(!isStaffPath('/clinical') && !isStaffPath('/check') && !isStaffPath('/send'));
});
