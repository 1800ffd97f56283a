// The clinic side's entry point: storage, the /send/* flow and the staff /clinic/* pages as one Fastify plugin.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AppConfig } from '../config.js';
import type { OpenDatabaseOptions } from '../db/database.js';
import { openStore } from '../db/store.js';
import type { ClinicalContent } from '../engine/types.js';
import { loadReferences, type Reference } from '../content/references.js';
import { loadAssets, type Assets } from '../server/assets.js';
import { argon2Hasher } from './auth/password.js';
import { registerCookiesAndCsrf } from './auth/staff-session.js';
import type { ClinicContext } from './clinic-context.js';
import { installClinicErrors } from './clinic-errors.js';
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
  log?: (message: string) => void;
}

/** Extra handles for tests, benchmarks and the CLI. */
export interface ClinicInternals extends Clinic {
  ctx: ClinicContext;
  scheduler: Scheduler;
  webhooks: WebhookDispatcher;
}

/** Opens (and migrates) the database and returns the clinic plugin. */
export async function createClinic(options: CreateClinicOptions): Promise<ClinicInternals> {
  const { config, content } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((m: string) => { process.stderr.write(`clinic: ${m}\n`); });
  const settings: ClinicSettings = { ...loadClinicSettings(options.env ?? process.env, config.clinic.email), ...options.settings };
  const store = await openStore(
    { databaseUrl: config.databaseUrl, dataDir: config.dataDir, sqliteSynchronous: settings.sqliteSynchronous, ...options.database },
    { now, sessions: { idleMs: settings.sessionIdleMs, absoluteMs: settings.sessionAbsoluteMs }, lockout: settings.lockout },
  );
  // Kept in the database (not a file) when not configured, so every instance behind a load balancer shares it.
  const formSecret = settings.formSecret ?? await store.setting('form-secret', () => randomBytes(32).toString('base64url'));
  const notifier = new Notifier({
    store, smtp: settings.smtp, from: settings.mailFrom, to: settings.notifyTo, baseUrl: config.baseUrl,
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
  const ctx: ClinicContext = {
    config, content, settings, store, now, formSecret, notifier, references,
    site: { config, assets: { css: assets.css, js: assets.js, favicon: assets.favicon } },
    passwords: argon2Hasher(settings.argon2),
    sendLimiter: new RateLimiter(store, 'send', settings.sendLimit.max, settings.sendLimit.windowMs),
    loginLimiter: new RateLimiter(store, 'login', settings.loginLimit.max, settings.loginLimit.windowMs),
    secureCookies: config.baseUrl.startsWith('https://'),
  };
  const scheduler = startScheduler({ store, notifier, settings, now, log, run: options.schedule ?? true });
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
    close: async () => {
      scheduler.stop();
      await webhooks.stop();
      notifier.close();
      await store.close();
    },
  };
}
