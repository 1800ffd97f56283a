// A signed, time-limited token for the anonymous send form: proves the form came from us recently, with no cookie.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface FormToken {
  token: string;
  nonce: string;
}

export type TokenCheck = { ok: true; nonce: string } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

function sign(secret: string, purpose: string, body: string): string {
  return createHmac('sha256', secret).update(`${purpose}\n${body}`).digest('base64url');
}

/** Issues a token for a form purpose ("send"); the nonce also lets a resubmitted form be recognised. */
export function issueFormToken(secret: string, purpose: string, now: Date): FormToken {
  const nonce = randomBytes(16).toString('base64url');
  const body = `${now.getTime().toString(36)}.${nonce}`;
  return { token: `v1.${body}.${sign(secret, purpose, body)}`, nonce };
}

/** Checks a token's signature and age (a minute of clock skew is allowed for several instances). */
export function checkFormToken(secret: string, purpose: string, token: unknown, now: Date, ttlMs: number): TokenCheck {
  if (typeof token !== 'string' || token.length > 200) return { ok: false, reason: 'malformed' };
  const m = /^v1\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (m === null) return { ok: false, reason: 'malformed' };
  const [, time = '', nonce = '', mac = ''] = m;
  const expected = Buffer.from(sign(secret, purpose, `${time}.${nonce}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_signature' };
  const age = now.getTime() - parseInt(time, 36);
  if (age > ttlMs || age < -60_000) return { ok: false, reason: 'expired' };
  return { ok: true, nonce };
}

/** An HMAC over a short value (e.g. a reference on the confirmation URL), so the URL cannot be made up. */
export function signValue(secret: string, purpose: string, value: string): string {
  return sign(secret, purpose, value).slice(0, 22);
}

export function checkSignedValue(secret: string, purpose: string, value: string, mac: unknown): boolean {
  if (typeof mac !== 'string') return false;
  const expected = Buffer.from(signValue(secret, purpose, value));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
