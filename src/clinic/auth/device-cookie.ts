// The "known device" cookie: set when a staff member signs in, it lets their later sign-ins on that device skip the
// per-account throttle, so attackers guessing at an account from elsewhere cannot lock its owner out (OWASP's
// device-cookie defence against online guessing).
import { randomBytes } from 'node:crypto';
import { checkSignedValue, signValue } from '../send/form-token.js';

export const DEVICE_COOKIE_MAX_AGE_S = 180 * 86_400;

export function deviceCookieName(secure: boolean): string {
  return secure ? '__Host-creak_device' : 'creak_device';
}

/** A new signed device token for a user: "<user id>.<random nonce>.<signature>". */
export function issueDeviceToken(secret: string, userId: string): string {
  const body = `${userId}.${randomBytes(16).toString('base64url')}`;
  return `${body}.${signValue(secret, 'device', body)}`;
}

/** The user and nonce of a device token this service signed, or undefined. */
export function readDeviceToken(secret: string, token: string | undefined): { userId: string; nonce: string } | undefined {
  if (token === undefined || token.length > 200) return undefined;
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (m === null) return undefined;
  const [, userId = '', nonce = '', mac = ''] = m;
  return checkSignedValue(secret, 'device', `${userId}.${nonce}`, mac) ? { userId, nonce } : undefined;
}
