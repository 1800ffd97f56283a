// The send form's signed, time-limited token.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFormToken, checkSignedValue, issueFormToken, signValue } from './form-token.js';

const secret = 'a'.repeat(43);
const t0 = new Date('2026-03-02T10:00:00Z');

describe('form token', () => {
  it('accepts a fresh token and gives back its nonce', () => {
    const { token, nonce } = issueFormToken(secret, 'send', t0);
    assert.deepEqual(checkFormToken(secret, 'send', token, new Date(t0.getTime() + 60_000), 3600_000), { ok: true, nonce });
  });

  it('refuses a token that is expired, from the future, for another form, signed with another key, or altered', () => {
    const { token } = issueFormToken(secret, 'send', t0);
    assert.deepEqual(checkFormToken(secret, 'send', token, new Date(t0.getTime() + 3600_001), 3600_000), { ok: false, reason: 'expired' });
    assert.deepEqual(checkFormToken(secret, 'send', token, new Date(t0.getTime() - 120_000), 3600_000), { ok: false, reason: 'expired' });
    assert.equal(checkFormToken(secret, 'other', token, t0, 3600_000).ok, false);
    assert.equal(checkFormToken('b'.repeat(43), 'send', token, t0, 3600_000).ok, false);
    const parts = token.split('.');
    parts[1] = (Number.parseInt(parts[1] ?? '0', 36) + 1).toString(36);
    assert.deepEqual(checkFormToken(secret, 'send', parts.join('.'), t0, 3600_000), { ok: false, reason: 'bad_signature' });
    assert.deepEqual(checkFormToken(secret, 'send', undefined, t0, 3600_000), { ok: false, reason: 'malformed' });
    assert.deepEqual(checkFormToken(secret, 'send', 'x'.repeat(500), t0, 3600_000), { ok: false, reason: 'malformed' });
  });

  it('signs short values for links', () => {
    const mac = signValue(secret, 'done', 'CRK-2222-2222|urgent');
    assert.equal(checkSignedValue(secret, 'done', 'CRK-2222-2222|urgent', mac), true);
    assert.equal(checkSignedValue(secret, 'done', 'CRK-2222-2222|self_care', mac), false);
  });
});
