// Shared set-up for the web tests: the real content and configuration, and an app built from them.
import type { FastifyInstance } from 'fastify';
import { loadConfig, type AppConfig } from '../config.js';
import { loadClinicalContent } from '../content/clinical-loader.js';
import type { ClinicalContent } from '../engine/types.js';
import { loadLibrary, type Library } from '../web/library.js';
import { buildApp, type BuildAppOptions } from './app.js';

let cached: { content: ClinicalContent; library: Library; config: AppConfig } | undefined;

/** The seeded content, loaded once per test process. */
export function seeded(): { content: ClinicalContent; library: Library; config: AppConfig } {
  if (cached === undefined) {
    const config = loadConfig({});
    cached = { config, content: loadClinicalContent(), library: loadLibrary(config) };
  }
  return cached;
}

/** An app over the seeded content; options override any part. */
export function testApp(options: Partial<BuildAppOptions> = {}): FastifyInstance {
  const s = seeded();
  return buildApp({ config: s.config, content: s.content, library: s.library, ...options });
}
