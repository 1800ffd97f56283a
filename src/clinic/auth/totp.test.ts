// TOTP against the RFC 6238 test vector (SHA-1, secret "12345678901234567890"), and the step a code belongs to.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newTotpSecret, totpCode, totpStep, totpStepAt, totpUri } from './totp.js';

// Base32 of the ASCII secret "12345678901234567890".
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it('matches the RFC 6238 vectors (last 6 digits)', () => {
    assert.equal(totpCode(RFC_SECRET, Math.floor(59 / 30)), '287082');
    assert.equal(totpCode(RFC_SECRET, Math.floor(1111111109 / 30)), '081804');
    assert.equal(totpCode(RFC_SECRET, Math.floor(2000000000 / 30)), '279037');
  });
  it('gives the step of the current code or one step of drift, and nothing else', () => {
    const now = new Date(1111111109 * 1000);
    const step = totpStepAt(now);
    assert.equal(totpStep(RFC_SECRET, '081804', now), step);
    assert.equal(totpStep(RFC_SECRET, '081 804', new Date(now.getTime() + 30_000)), step, 'one step late');
    assert.equal(totpStep(RFC_SECRET, totpCode(RFC_SECRET, step + 1), now), step + 1, 'one step early');
    assert.equal(totpStep(RFC_SECRET, '081804', new Date(now.getTime() + 120_000)), undefined);
    assert.equal(totpStep(RFC_SECRET, 'abcdef', now), undefined);
    assert.equal(totpStep(RFC_SECRET, '0818045', now), undefined);
  });
  it('makes 160-bit secrets and an address an authenticator app reads', () => {
    const secret = newTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.notEqual(secret, newTotpSecret());
    const uri = new URL(totpUri(RFC_SECRET, 'Test Physio', 'ada@example.com'));
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.searchParams.get('secret'), RFC_SECRET);
    assert.equal(uri.searchParams.get('issuer'), 'Test Physio');
    assert.equal(uri.searchParams.get('digits'), '6');
    assert.equal(uri.searchParams.get('period'), '30');
    assert.match(decodeURIComponent(uri.pathname), /Test Physio:ada@example\.com/);
  });
});
