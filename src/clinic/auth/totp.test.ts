// TOTP against the RFC 6238 test vector (SHA-1, secret "12345678901234567890").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkTotp, newTotpSecret, totpCode } from './totp.js';

// Base32 of the ASCII secret "12345678901234567890".
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it('matches the RFC 6238 vectors (last 6 digits)', () => {
    assert.equal(totpCode(RFC_SECRET, Math.floor(59 / 30)), '287082');
    assert.equal(totpCode(RFC_SECRET, Math.floor(1111111109 / 30)), '081804');
    assert.equal(totpCode(RFC_SECRET, Math.floor(2000000000 / 30)), '279037');
  });
  it('accepts the current code and one step of drift, and nothing else', () => {
    const now = new Date(1111111109 * 1000);
    assert.equal(checkTotp(RFC_SECRET, '081804', now), true);
    assert.equal(checkTotp(RFC_SECRET, '081 804', new Date(now.getTime() + 30_000)), true);
    assert.equal(checkTotp(RFC_SECRET, '081804', new Date(now.getTime() + 120_000)), false);
    assert.equal(checkTotp(RFC_SECRET, 'abcdef', now), false);
  });
  it('makes 160-bit secrets', () => {
    assert.match(newTotpSecret(), /^[A-Z2-7]{32}$/);
  });
});
