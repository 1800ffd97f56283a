// Builds the whole web application (pages, API, assets, clinic side) as a Fastify instance, not yet listening.
import formbody from '@fastify/formbody';
import type { Server } from 'node:http';
import Fastify, { type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import { apiRoutes } from '../api/api-routes.js';
import type { Clinic } from '../clinic/index.js';
import type { AppConfig, TrustProxy } from '../config.js';
import type { ClinicalContent } from '../engine/types.js';
import { loadSignoffs, signoffStatus, type Signoff } from '../safety/signoffs.js';
import { CheckStates } from '../web/check/check-state.js';
import { fhirRoutes } from '../fhir/fhir-routes.js';
import { loadLibrary, type Library } from '../web/library.js';
import { blogRoutes } from '../web/routes/blog-routes.js';
import { checkRoutes } from '../web/routes/check-routes.js';
import { infoRoutes } from '../web/routes/info-routes.js';
import type { Site } from '../web/site.js';
import { randomKey, type Keyring } from '../web/state/seal.js';
import { assetRoutes } from './asset-routes.js';
import { loadAssets, type Assets } from './assets.js';
import type { AppContext } from './context.js';
import { refuseControlCharacters } from './control-chars.js';
import { installErrorHandling } from './error-pages.js';
import { healthRoutes } from './health-routes.js';
import { addResponseHooks } from './response-hooks.js';
import { securityHeaders, staffSecurityHeaders } from './security-headers.js';

export interface BuildAppOptions {
  config: AppConfig;
  content: ClinicalContent;
  clinic?: Clinic;
  /** true for the production logger (no bodies, no addresses); false or absent for none. */
  logger?: boolean;
  /** Where log lines go (standard output by default); for tests. */
  logStream?: NodeJS.WritableStream;
  /** Articles and references; loaded from config.contentDir when absent. */
  library?: Library;
  /** The clock, for publication dates; injectable for tests. */
  now?: () => Date;
  /** Folder of static assets (app.css, built scripts). */
  publicDir?: string;
  /** The assets, when already loaded (they are read and compressed once; loaded from publicDir otherwise). */
  assets?: Assets;
  /** The content sign-offs; read from config.contentDir when absent. */
  signoffs?: readonly Signoff[];
  /**
   * Keys sealing the check's state into page addresses: the clinic side's shared keys when there is a clinic,
   * otherwise CHECK_STATE_KEYS, otherwise a fresh key for this process (tests and benchmarks).
   */
  stateKeys?: Keyring;
}

/** Request bodies are small: a full set of answers is under 4 KB. */
export const BODY_LIMIT = 32 * 1024;

/** Paths that carry a secret: one-time setup and password links. */
const TOKEN_IN_PATH = /^(\/clinic\/(?:setup|password)\/)[^/?#]+/;

/** A URL as it may be logged: the path only (queries may hold references and signatures), one-time tokens replaced. */
export function loggedUrl(url: string): string {
  return (url.split('?')[0] ?? '').replace(TOKEN_IN_PATH, '$1[token]');
}

/** Log lines carry the method and path only: never bodies (answers), client addresses or one-time tokens. */
const loggerOptions = {
  level: 'info',
  serializers: {
    req: (req: { method: string; url: string }) => ({ method: req.method, url: loggedUrl(req.url) }),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  },
};

/**
 * TRUST_PROXY as Fastify takes it. A hop count becomes "trust the nearest n addresses" (the socket peer and the
 * entries the proxies appended on the right): Fastify 5 reads a bare number as "trust nothing".
 */
function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address: string, hop: number) => hop < trust;
  return [...trust];
}

export function buildApp(options: BuildAppOptions): FastifyInstance {
  const { config, content } = options;
  const fastifyOptions: FastifyHttpOptions<Server> = {
    logger: options.logger === true
      ? { ...loggerOptions, ...(options.logStream === undefined ? {} : { stream: options.logStream }) }
      : false,
    bodyLimit: BODY_LIMIT,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    return503OnClosing: true,
  };
  const app = Fastify(fastifyOptions);
  const assets = options.assets ?? loadAssets(config, options.publicDir);
  const site: Site = { config, assets };
  const stateKeys = options.stateKeys ?? options.clinic?.stateKeys ?? config.checkStateKeys ?? [randomKey()];
  const ctx: AppContext = {
    config, site, content, library: options.library ?? loadLibrary(config, content), now: options.now ?? (() => new Date()),
    signoff: signoffStatus(options.signoffs ?? loadSignoffs(config.contentDir), content.version),
    checkStates: new CheckStates(stateKeys, content.version),
  };

  addResponseHooks(app, { public: securityHeaders(config), staff: staffSecurityHeaders(config) });
  installErrorHandling(app, site);
  refuseControlCharacters(app);
  void app.register(formbody, { bodyLimit: BODY_LIMIT });
  void app.register(assetRoutes(assets));
  void app.register(infoRoutes(ctx));
  void app.register(blogRoutes(ctx));
  void app.register(checkRoutes(ctx));
  void app.register(apiRoutes(ctx), { prefix: '/api/v1' });
  void app.register(fhirRoutes(ctx, { records: options.clinic !== undefined }), { prefix: '/fhir' });
  void app.register(healthRoutes(ctx, options.clinic));
  if (options.clinic !== undefined) void app.register(options.clinic.plugin);
  return app;
}
