// Sign-in throttling per account, per client address and per known device, with waits that grow instead of a lock.
// Keys are keyed hashes: the database never holds a typed email, an address or a device token.
import { createHmac } from 'node:crypto';
import type { LoginThrottleRepo, ThrottleRule } from '../../db/login-throttle-repo.js';

export interface LoginThrottlePolicy {
  /** One account, from devices it has not signed in on. */
  account: ThrottleRule;
  /** One client address, whatever account it tries. */
  address: ThrottleRule;
  /** One device its owner signed in on before (it skips the account and address counts). */
  device: ThrottleRule;
}

export interface SignInTry {
  /** The email as typed (lower-cased here). */
  account: string;
  address: string;
  /** The nonce of a valid device cookie for this account, if the browser sent one. */
  device?: string | undefined;
}

export type Gate =
  | { allowed: true; keys: readonly { key: string; onSuccess: 'clear' | 'forgive' }[]; accountFailures: number }
  | { allowed: false; retryAt: Date };

export class LoginThrottle {
  private readonly secret: Buffer;

  constructor(private readonly repo: LoginThrottleRepo, secret: string, readonly policy: LoginThrottlePolicy) {
    // A key of its own, derived from the given secret, so these hashes match nothing else the service makes.
    this.secret = createHmac('sha256', secret).update('login-throttle').digest();
  }

  private key(kind: 'account' | 'address' | 'device', value: string): string {
    return `${kind}:${createHmac('sha256', this.secret).update(`${kind}\n${value}`).digest('base64url').slice(0, 32)}`;
  }

  /**
   * Counts this sign-in try before its password is checked. A known device counts only against itself; any other
   * try counts against its address, then its account. Refused while any of them must wait.
   */
  async before(t: SignInTry): Promise<Gate> {
    if (t.device !== undefined) {
      const key = this.key('device', t.device);
      const r = await this.repo.attempt(key, this.policy.device);
      return r.allowed ? { allowed: true, keys: [{ key, onSuccess: 'clear' }], accountFailures: 0 } : r;
    }
    const address = this.key('address', t.address);
    const byAddress = await this.repo.attempt(address, this.policy.address);
    if (!byAddress.allowed) return byAddress;
    const account = this.key('account', t.account.trim().toLowerCase());
    const byAccount = await this.repo.attempt(account, this.policy.account);
    if (!byAccount.allowed) return byAccount;
    return { allowed: true, keys: [{ key: address, onSuccess: 'forgive' }, { key: account, onSuccess: 'clear' }], accountFailures: byAccount.failures };
  }

  /** Forgets an account's failures from unknown devices (its owner has just set a new password). */
  async clearAccount(email: string): Promise<void> {
    await this.repo.clear(this.key('account', email.trim().toLowerCase()));
  }

  /** After a correct sign-in: the account's and device's counts start again; the address gets its try back. */
  async succeeded(gate: Extract<Gate, { allowed: true }>): Promise<void> {
    for (const k of gate.keys) {
      if (k.onSuccess === 'clear') await this.repo.clear(k.key);
      else await this.repo.forgive(k.key);
    }
  }
}
