// First-admin setup and maintenance commands, for the server's start and the `creak` CLI.
import type { AppConfig } from '../config.js';
import { systemContext } from '../db/context.js';
import { openStore, type Store } from '../db/store.js';
import { argon2Hasher, passwordProblem } from './auth/password.js';
import { newToken, tokenHash } from './auth/tokens.js';
import { purgeExpired } from './scheduler.js';
import { loadClinicSettings } from './settings.js';

export const SETUP_LINK_TTL_MS = 24 * 3600_000;

/** A one-time link to create the first admin, or undefined when staff accounts already exist. */
export async function issueSetupLink(store: Store, baseUrl: string): Promise<{ url: string; expiresAt: string } | undefined> {
  if ((await store.staff.count()) > 0) return undefined;
  const token = newToken();
  const saved = await store.tokens.create(systemContext('setup'), 'setup', null, tokenHash(token), SETUP_LINK_TTL_MS);
  return { url: `${baseUrl}/clinic/setup/${token}`, expiresAt: saved.expiresAt };
}

async function withStore<T>(config: AppConfig, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** CLI `creak setup-link`: prints a fresh one-time link for the first admin (undefined once there are staff). */
export function createSetupLink(config: AppConfig): Promise<{ url: string; expiresAt: string } | undefined> {
  return withStore(config, (store) => issueSetupLink(store, config.baseUrl));
}

/** CLI `creak create-admin`: makes an admin account with a password directly (e.g. for a recovery). */
export function createAdmin(config: AppConfig, input: { email: string; name: string; password: string }, env: NodeJS.ProcessEnv = process.env)
  : Promise<{ ok: true; id: string } | { ok: false; problem: string }> {
  const problem = passwordProblem(input.password, input.email);
  if (problem !== undefined) return Promise.resolve({ ok: false, problem });
  if (!/^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(input.email) || input.name.trim() === '') {
    return Promise.resolve({ ok: false, problem: 'Give an email address and a name' });
  }
  const settings = loadClinicSettings(env, config.clinic.email);
  return withStore(config, async (store) => {
    const user = await store.staff.create(systemContext('cli'), { email: input.email, name: input.name, role: 'admin' });
    if (user === 'exists') return { ok: false as const, problem: `An account for ${input.email} already exists` };
    await store.staff.setPasswordHash(systemContext('cli'), user.id, await argon2Hasher(settings.argon2).hash(input.password));
    return { ok: true as const, id: user.id };
  });
}

/** CLI `creak purge`: deletes submissions older than RETENTION_DAYS now (idempotent, audited). */
export function purgeNow(config: AppConfig, env: NodeJS.ProcessEnv = process.env, now = new Date()): Promise<number> {
  const settings = loadClinicSettings(env, config.clinic.email);
  return withStore(config, (store) => purgeExpired(store, settings, now));
}

/** CLI `creak delete <reference>`: deletes one person's submission (audited); false when there is none. */
export function deleteByReference(config: AppConfig, reference: string): Promise<boolean> {
  return withStore(config, (store) => store.retention.deleteByReference(systemContext('cli'), reference));
}
