// Checking a staff sign-in: throttled before the password is checked, then the password, then the TOTP code (each
// code once); the account's owner is emailed when wrong passwords pile up on it.
import type { StaffCredentials } from '../../db/staff-repo.js';
import type { ClinicContext } from '../clinic-context.js';
import { readDeviceToken } from './device-cookie.js';
import { totpStep } from './totp.js';

export interface SignInInput {
  email: string;
  password: string;
  code: string;
  address: string;
  /** The device cookie's value, if the browser sent one. */
  deviceToken: string | undefined;
}

export type SignInResult =
  | { ok: true; user: StaffCredentials }
  | { ok: false; reason: 'wait'; retryAt: Date }
  | { ok: false; reason: 'wrong' };

/** Checks a sign-in. Unknown and known accounts take the same path and time, so the answer reveals neither. */
export async function checkSignIn(ctx: ClinicContext, input: SignInInput): Promise<SignInResult> {
  const key = input.email.trim().toLowerCase();
  const user = key === '' ? undefined : await ctx.store.staff.byEmail(key);
  const device = readDeviceToken(ctx.formSecret, input.deviceToken);
  const known = device !== undefined && user !== undefined && device.userId === user.id;
  const gate = await ctx.loginThrottle.before({ account: key, address: input.address, device: known ? device.nonce : undefined });
  if (!gate.allowed) return { ok: false, reason: 'wait', retryAt: gate.retryAt };
  let ok = false;
  if (user?.passwordHash != null && user.active) ok = await ctx.passwords.verify(user.passwordHash, input.password);
  else await ctx.passwords.dummyVerify(input.password);
  if (ok && user?.totpSecret != null) {
    const step = totpStep(user.totpSecret, input.code, ctx.now());
    ok = step !== undefined && await ctx.store.staff.acceptTotpStep(user.id, step);
  }
  if (!ok || user === undefined) {
    await ctx.store.loginThrottle.recordFailedLogin(user?.id ?? null);
    if (user !== undefined && gate.accountFailures >= ctx.loginThrottle.policy.account.free) {
      // Not awaited: the answer must not take longer for an account that exists.
      void ctx.notifier.accountUnderAttack(user, gate.accountFailures).catch(() => undefined);
    }
    return { ok: false, reason: 'wrong' };
  }
  await ctx.loginThrottle.succeeded(gate);
  return { ok: true, user };
}
