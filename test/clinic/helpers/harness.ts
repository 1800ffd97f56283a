// Builds the whole app with the clinic side on a fresh database, plus a cookie jar and sign-in helpers for inject() tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createClinic, type ClinicInternals } from '../../../src/clinic/index.js';
import type { ClinicSettings } from '../../../src/clinic/settings.js';
import { loadConfig, type AppConfig } from '../../../src/config.js';
import { loadClinicalContent } from '../../../src/content/clinical-loader.js';
import { staffContext, systemContext, type Role } from '../../../src/db/context.js';
import type { OpenDatabaseOptions } from '../../../src/db/database.js';
import type { ClinicalContent } from '../../../src/engine/types.js';
import type { SafetyCase } from '../../../src/safety/safety-case.js';
import type { Signoff } from '../../../src/safety/signoffs.js';
import { buildApp } from '../../../src/server/app.js';
import type { Keyring } from '../../../src/web/state/seal.js';

let sharedContent: ClinicalContent | undefined;
export function content(): ClinicalContent {
  sharedContent ??= loadClinicalContent();
  return sharedContent;
}

export const FAST_ARGON2 = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
export const PASSWORD = 'correct horse battery staple';

export interface Harness {
  app: FastifyInstance;
  clinic: ClinicInternals;
  config: AppConfig;
  close(): Promise<void>;
}

export interface HarnessOptions {
  settings?: Partial<ClinicSettings>;
  env?: NodeJS.ProcessEnv;
  database?: Partial<OpenDatabaseOptions>;
  now?: () => Date;
  baseUrl?: string;
  /** Content sign-offs (the repository's, none, when absent). */
  signoffs?: readonly Signoff[];
  /** A safety case to show (built from the repository on first use when absent). */
  safetyCase?: SafetyCase;
  /** Extra application settings (the environment loadConfig reads), e.g. TRUST_PROXY. */
  configEnv?: NodeJS.ProcessEnv;
  /** Turns on the production logger, writing here. */
  logStream?: NodeJS.WritableStream;
  /** Another content than the checkout's (e.g. an older version), for tests of published versions. */
  content?: ClinicalContent;
  /** Keys for the check's sealed state (default: generated and kept in the database, as in production). */
  stateKeys?: Keyring;
}

export async function startHarness(o: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'creak-clinic-'));
  const config = loadConfig({ DATA_DIR: dir, BASE_URL: o.baseUrl ?? 'http://localhost:3000', CLINIC_NAME: 'Test Physio', ...o.configEnv });
  const appContent = o.content ?? content();
  const clinic = await createClinic({
    config, content: appContent, env: o.env ?? {}, schedule: false, log: () => undefined,
    settings: { argon2: FAST_ARGON2, printSetupLink: false, ...o.settings },
    ...(o.database === undefined ? {} : { database: o.database }),
    ...(o.now === undefined ? {} : { now: o.now }),
    ...(o.signoffs === undefined ? {} : { signoffs: o.signoffs }),
    ...(o.safetyCase === undefined ? {} : { safetyCase: o.safetyCase }),
    ...(o.stateKeys === undefined ? {} : { stateKeys: o.stateKeys }),
  });
  const app = buildApp({
    config, content: appContent, clinic, ...(o.now === undefined ? {} : { now: o.now }),
    ...(o.signoffs === undefined ? {} : { signoffs: o.signoffs }),
    ...(o.logStream === undefined ? {} : { logger: true, logStream: o.logStream }),
  });
  await app.ready();
  return {
    app, clinic, config,
    close: async () => {
      await app.close();
      await clinic.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Adds a staff account with a password; returns its id. */
export async function addStaff(h: Harness, email: string, role: Role, name = email.split('@')[0] ?? email): Promise<string> {
  const store = h.clinic.ctx.store;
  const admins = await store.staff.count();
  const ctx = admins === 0 ? systemContext('test') : systemContext('test');
  const user = await store.staff.create(ctx, { email, name, role });
  if (user === 'exists') throw new Error(`${email} exists`);
  await store.staff.setPasswordHash(staffContext(user.id, role), user.id, await h.clinic.ctx.passwords.hash(PASSWORD));
  return user.id;
}

/** A browser-like cookie jar over inject(). */
export class Client {
  private readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' },
    /** The client's address as the server sees it (default 127.0.0.1). */
    private readonly remoteAddress?: string,
  ) {}

  private from(): { remoteAddress?: string } {
    return this.remoteAddress === undefined ? {} : { remoteAddress: this.remoteAddress };
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size === 0 ? {} : { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  cookieNames(): string[] {
    return [...this.cookies.keys()];
  }

  dropCookie(name: string): void {
    this.cookies.delete(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  cookieValues(): Record<string, string> {
    return Object.fromEntries(this.cookies);
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { ...this.headers, ...this.cookieHeader() }, ...this.from() }));
  }

  async post(url: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return this.keep(await this.app.inject({
      method: 'POST', url, payload: body.toString(), ...this.from(),
      headers: { ...this.headers, ...this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
    }));
  }

  /** The CSRF token of a page's form. */
  async csrfFrom(url: string): Promise<string> {
    const res = await this.get(url);
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m?.[1] === undefined) throw new Error(`no CSRF token on ${url} (status ${res.statusCode})`);
    return m[1];
  }

  /** Signs in; throws unless it worked. */
  async login(email: string, password = PASSWORD): Promise<void> {
    const csrf = await this.csrfFrom('/clinic/login');
    const res = await this.post('/clinic/login', { _csrf: csrf, email, password, next: '/clinic' });
    if (res.statusCode !== 303) throw new Error(`login failed: ${res.statusCode}`);
  }
}

/** The form fields of a page, by name (hidden and text inputs), for resubmitting it. */
export function hiddenFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    out[decodeHtml(m[1] ?? '')] = decodeHtml(m[2] ?? '');
  }
  return out;
}

export function decodeHtml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
