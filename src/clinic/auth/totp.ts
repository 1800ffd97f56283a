// Time-based one-time passwords for optional two-step sign-in (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits),
// through the otpauth library. Each accepted code's time step is remembered per user, so a code works once.
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;

function totp(secret: string, issuer = '', account = ''): TOTP {
  return new TOTP({
    secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_SECONDS, issuer, label: account,
  });
}

/** A new 160-bit secret, in base32 (32 characters) as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The time step a moment falls in. */
export function totpStepAt(now: Date): number {
  return Math.floor(now.getTime() / (TOTP_PERIOD_SECONDS * 1000));
}

/** The 6-digit code for a time step. */
export function totpCode(secret: string, step: number): string {
  return totp(secret).generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
}

/**
 * The time step of a code that matches now or one step either side (clock drift), or undefined. The caller must
 * still refuse a step at or before the last one this user used (StaffRepo.acceptTotpStep), so no code works twice.
 */
export function totpStep(secret: string, code: string, now: Date): number | undefined {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = totp(secret).validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? undefined : totpStepAt(now) + delta;
}

/** The otpauth:// address an authenticator app reads. */
export function totpUri(secret: string, issuer: string, account: string): string {
  return totp(secret, issuer, account).toString();
}
