// Builds the whole web application (pages, API, assets, clinic side) as a Fastify instance, not yet listening.
import formbody from '@fastify/formbody';
import type { Server } from 'node:http';
import Fastify, { type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import { apiRoutes } from '../api/api-routes.js';
import type { Clinic } from '../clinic/index.js';
import type { AppConfig } from '../config.js';
import type { ClinicalContent } from '../engine/types.js';
import { fhirRoutes } from '../fhir/fhir-routes.js';
import { loadLibrary, type Library } from '../web/library.js';
import { blogRoutes } from '../web/routes/blog-routes.js';
import { checkRoutes } from '../web/routes/check-routes.js';
import { infoRoutes } from '../web/routes/info-routes.js';
import type { Site } from '../web/site.js';
import { assetRoutes } from './asset-routes.js';
import { loadAssets, type Assets } from './assets.js';
import type { AppContext } from './context.js';
import { installErrorHandling } from './error-pages.js';
import { healthRoutes } from './health-routes.js';
import { addResponseHooks } from './response-hooks.js';
import { securityHeaders } from './security-headers.js';

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
}

/** Request bodies are small: a full set of answers is under 4 KB. */
export const BODY_LIMIT = 32 * 1024;

/** Log lines carry the method and path only: never bodies (answers), never client addresses. */
const loggerOptions = {
  level: 'info',
  serializers: {
    req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  },
};

export function buildApp(options: BuildAppOptions): FastifyInstance {
  const { config, content } = options;
  const fastifyOptions: FastifyHttpOptions<Server> = {
    logger: options.logger === true
      ? ({ ...loggerOptions, ...(options.logStream === undefined ? {} : { stream: options.logStream }) } as Exclude<FastifyHttpOptions<Server>['logger'], undefined>)
      : false,
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
  };
  const app = Fastify(fastifyOptions);
  const assets = options.assets ?? loadAssets(config, options.publicDir);
  const site: Site = { config, assets };
  const ctx: AppContext = { config, site, content, library: options.library ?? loadLibrary(config), now: options.now ?? (() => new Date()) };

  addResponseHooks(app, securityHeaders(config));
  installErrorHandling(app, site);
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
