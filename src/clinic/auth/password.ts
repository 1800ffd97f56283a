// Password hashing with argon2id (PHC strings, so the cost can be raised later); the cost is injectable for fast tests.
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** Algorithm.Argon2id (a const enum, which verbatimModuleSyntax cannot import). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the const enum cannot be imported; 2 is Argon2id
const ARGON2ID = 2 as Algorithm;

export interface Argon2Cost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(stored: string, password: string): Promise<boolean>;
  /** Spends the same time as a real check, so a login for an unknown account takes as long as for a known one. */
  dummyVerify(password: string): Promise<void>;
}

export const MIN_PASSWORD_LENGTH = 12;

/** A hasher with the given cost (OWASP's minimum, m=19 MiB t=2 p=1, by default). */
export function argon2Hasher(cost: Argon2Cost): PasswordHasher {
  const options = { algorithm: ARGON2ID, memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: cost.parallelism };
  let dummy: Promise<string> | undefined;
  return {
    hash: (password) => hash(password, options),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
    dummyVerify: async (password) => {
      dummy ??= hash('not a real password, only for timing', options);
      await verify(await dummy, password).catch(() => false);
    },
  };
}

/** Why a new password is not acceptable, or undefined. Length over rules (NCSC/NIST advice). */
export function passwordProblem(password: string, email: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 200) return 'Enter a password of 200 characters or fewer';
  const emailName = email.split('@')[0]?.toLowerCase() ?? '';
  if (emailName.length >= 3 && password.toLowerCase().includes(emailName)) return 'Your password must not contain your email name';
  if (/^(.)\1+$/.test(password)) return 'Enter a password that is not one character repeated';
  return undefined;
}
