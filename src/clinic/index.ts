// The clinic side's entry point: storage, the /send/* flow and the staff /clinic/* pages as one Fastify plugin.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { ConfigError, type AppConfig } from '../config.js';
import type { OpenDatabaseOptions } from '../db/database.js';
import { openStore } from '../db/store.js';
import type { ClinicalContent } from '../engine/types.js';
import { loadReferences, type Reference } from '../content/references.js';
import { buildSafetyCase, sharedDefaults, type SafetyCase } from '../safety/safety-case.js';
import { loadSignoffs, signoffStatus, type Signoff, type SignoffStatus } from '../safety/signoffs.js';
import { loadAssets, type Assets } from '../server/assets.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { CheckStates } from '../web/check/check-state.js';
import { formatKey, parseKeyring, randomKey, type Keyring } from '../web/state/seal.js';
import { argon2Hasher } from './auth/password.js';
import { registerCookiesAndCsrf } from './auth/staff-session.js';
import type { ClinicContext } from './clinic-context.js';
import { installClinicErrors } from './clinic-errors.js';
import { fhirRoutes } from './fhir/fhir-routes.js';
import { publishContent } from './fhir/publish.js';
import { Notifier } from './mail/notifier.js';
import { startScheduler, type Scheduler } from './scheduler.js';
import { RateLimiter } from './send/rate-limiter.js';
import { sendRoutes } from './send/send-routes.js';
import { loadClinicSettings, type ClinicSettings } from './settings.js';
import { issueSetupLink } from './setup.js';
import { staffRoutes } from './staff/staff-routes.js';
import { CLINIC_CSS, CLINIC_CSS_URL } from './views/clinic-css.js';
import { fhirSearchRoutes } from './api/fhir-search-routes.js';
import { startWebhookDispatcher, type WebhookDispatcher } from './webhooks/dispatcher.js';

export interface Clinic {
  /** Registers /send/* and /clinic/* routes. */
  plugin: FastifyPluginAsync;
  /** True when the database answers; used by /healthz. */
  ping(): Promise<boolean>;
  /** The keys sealing the check's state into page addresses, shared by every instance (the web app uses them too). */
  stateKeys: Keyring;
  /** Stops timers and closes the database. */
  close(): Promise<void>;
}

export interface CreateClinicOptions {
  config: AppConfig;
  content: ClinicalContent;
  /** Injected clock, for tests. */
  now?: () => Date;
  /** Where the clinic settings are read from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Overrides of the settings read from env (tests: fast argon2, low limits). */
  settings?: Partial<ClinicSettings>;
  /** Overrides of the database options (tests: a PostgreSQL schema). */
  database?: Partial<OpenDatabaseOptions>;
  publicDir?: string;
  /** The web app's assets and reference list, when the caller has loaded them already (read from disk otherwise). */
  assets?: Pick<Assets, 'css' | 'js' | 'favicon'>;
  references?: ReadonlyMap<string, Reference>;
  /** Run the background jobs on timers (default true). */
  schedule?: boolean;
  /** The content sign-offs; read from config.contentDir when absent. */
  signoffs?: readonly Signoff[];
  /** The safety case, when the caller has built it; built from the repository on first use otherwise. */
  safetyCase?: SafetyCase;
  /** How often the background jobs run (default every minute); tests shorten it. */
  scheduleIntervalMs?: number;
  /** Keys for the check's state; by default CHECK_STATE_KEYS, then the key generated once and kept in the database. */
  stateKeys?: Keyring;
  log?: (message: string) => void;
}

/** Extra handles for tests, benchmarks and the CLI. */
export interface ClinicInternals extends Clinic {
  ctx: ClinicContext;
  scheduler: Scheduler;
  webhooks: WebhookDispatcher;
}

/** A function computing its value on the first call only. */
function once<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}

/** What the clinic's admins read on every staff page while the running content is not signed off. */
export function unsignedWarning(s: SignoffStatus): string {
  return `The check's clinical content (version ${s.contentVersion}) has not been signed off by a clinical safety officer. `
    + 'It must be reviewed and the sign-off recorded before the check is used with patients: see the Safety page.';
}

/**
 * The configured keys (newest first), then the key generated on first start and kept in the database, like the form
 * secret, so that every instance behind a load balancer opens every page. A configured key with the same id wins.
 */
async function checkStateKeys(config: AppConfig, store: Awaited<ReturnType<typeof openStore>>): Promise<Keyring> {
  const stored = parseKeyring(await store.setting('check-state-key', () => formatKey(randomKey(1))));
  const configured = config.checkStateKeys ?? [];
  return [...configured, ...stored.filter((k) => !configured.some((c) => c.id === k.id))];
}

/** Opens (and migrates) the database and returns the clinic plugin. */
export async function createClinic(options: CreateClinicOptions): Promise<ClinicInternals> {
  const { config, content } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((m: string) => { process.stderr.write(`clinic: ${m}\n`); });
  const settings: ClinicSettings = { ...loadClinicSettings(options.env ?? process.env, config.clinic.email), ...options.settings };
  const store = await openStore(
    { databaseUrl: config.databaseUrl, dataDir: config.dataDir, sqliteSynchronous: settings.sqliteSynchronous, ...options.database },
    { now, sessions: { idleMs: settings.sessionIdleMs, absoluteMs: settings.sessionAbsoluteMs } },
  ).catch((error: unknown) => {
    const setting = config.databaseUrl === undefined ? 'DATA_DIR' : 'DATABASE_URL';
    throw new ConfigError([`${setting}: the database could not be opened (${error instanceof Error ? error.message : 'unknown error'})`]);
  });
  // Kept in the database (not a file) when not configured, so every instance behind a load balancer shares it.
  const formSecret = settings.formSecret ?? await store.setting('form-secret', () => randomBytes(32).toString('base64url'));
  const personKeySecret = await store.setting('fhir-person-key', () => randomBytes(32).toString('base64url'));
  try {
    const added = await publishContent(store.fhir, content, config.fhirCanonicalBase);
    if (added > 0) log(`published the FHIR definitions of content version ${content.version}`);
  } catch (error) {
    await store.close();
    throw error;
  }
  const stateKeys = options.stateKeys ?? await checkStateKeys(config, store);
  const notifier = new Notifier({
    store, smtp: settings.smtp, from: settings.mailFrom, to: settings.notifyTo, delivery: settings.mail, baseUrl: config.baseUrl,
    clinicName: config.clinic.name, timeZone: settings.due.timeZone, now, log,
  });
  const assets = options.assets ?? loadAssets(config, options.publicDir);
  let references: ReadonlyMap<string, Reference> = options.references ?? new Map();
  if (options.references === undefined) {
    try {
      references = loadReferences(config.contentDir);
    } catch (error) {
      log(`reference list not loaded, sources show as ids: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
  }
  const signoff = signoffStatus(options.signoffs ?? loadSignoffs(config.contentDir), content.version);
  const ctx: ClinicContext = {
    config, content, settings, store, now, formSecret, notifier, references, signoff, checkStates: new CheckStates(stateKeys, content.version),
    // The sign-off shown is the one this clinic runs with, whoever built the case.
    safetyCase: once(() => ({
      ...(options.safetyCase ?? buildSafetyCase({ root: '.', contentDir: config.contentDir, now: now(), clinical: content, extraVignettes: [], ...sharedDefaults('.') })),
      signoff,
    })),
    site: {
      config, assets: { css: assets.css, js: assets.js, favicon: assets.favicon },
      ...(signoff.signedOff ? {} : { staffWarning: unsignedWarning(signoff) }),
    },
    passwords: argon2Hasher(settings.argon2),
    sendLimiter: new RateLimiter(store, 'send', settings.sendLimit.max, settings.sendLimit.windowMs),
    loginLimiter: new RateLimiter(store, 'login', settings.loginLimit.max, settings.loginLimit.windowMs),
    loginThrottle: new LoginThrottle(store.loginThrottle, formSecret, settings.loginThrottle),
    secureCookies: config.baseUrl.startsWith('https://'),
    personKeySecret,
  };
  const scheduler = startScheduler({
    store, notifier, settings, now, log, run: options.schedule ?? true,
    ...(options.scheduleIntervalMs === undefined ? {} : { intervalMs: options.scheduleIntervalMs }),
  });
  const webhooks = startWebhookDispatcher({ store, baseUrl: config.baseUrl, now, log, run: options.schedule ?? true });
  if (settings.printSetupLink) {
    const link = await issueSetupLink(store, config.baseUrl);
    if (link !== undefined) log(`no staff account yet. Create the first admin (link works once, until ${link.expiresAt}): ${link.url}`);
  }

  const plugin: FastifyPluginAsync = async (app: FastifyInstance) => {
    await registerCookiesAndCsrf(app, ctx);
    installClinicErrors(app, ctx.site);
    app.get(CLINIC_CSS_URL, (_request, reply) =>
      reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(CLINIC_CSS));
    await app.register(fhirRoutes(ctx));
    await app.register(sendRoutes(ctx));
    await app.register(staffRoutes(ctx));
    await app.register(fhirSearchRoutes(ctx));
  };

  return {
    plugin,
    ctx,
    scheduler,
    webhooks,
    ping: () => store.ping(),
    stateKeys,
    close: async () => {
      scheduler.stop();
      await webhooks.stop();
      notifier.close();
      await store.close();
    },
  };
}
