// The `npm start` entry: reads the configuration and content (refusing to start if either is invalid), opens the clinic side, listens.
import { ConfigError, loadConfig } from '../config.js';
import { createClinic } from '../clinic/index.js';
import { CanonicalBaseChanged } from '../clinic/fhir/publish.js';
import { ContentFileError } from '../content/content-problem.js';
import { ContentError, loadClinicalContent } from '../content/clinical-loader.js';
import { join } from 'node:path';
import { loadSignoffs } from '../safety/signoffs.js';
import { loadLibrary } from '../web/library.js';
import { buildApp } from './app.js';
import { loadAssets } from './assets.js';

function fail(title: string, problems: readonly string[]): never {
  console.error(`${title}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}

function load() {
  try {
    const config = loadConfig();
    const content = loadClinicalContent(join(config.contentDir, 'clinical'), { riskWordingFile: config.riskWordingFile });
    return { config, content, library: loadLibrary(config, content), signoffs: loadSignoffs(config.contentDir) };
  } catch (err) {
    if (err instanceof ConfigError) fail('Creak cannot start: the configuration is invalid.', err.problems);
    if (err instanceof ContentError || err instanceof ContentFileError) {
      fail('Creak cannot start: the content is invalid.', err.problems.map((p) => `${p.file} ${p.path}: ${p.message} (expected ${p.expected})`));
    }
    throw err;
  }
}

const { config, content, library, signoffs } = load();
// Assets and the reference list are read once and shared by the web app and the clinic side.
const assets = loadAssets(config);
const clinic = await createClinic({ config, content, assets, references: library.references, signoffs }).catch((err: unknown) => {
  if (err instanceof ConfigError) fail('Creak cannot start: the configuration is invalid.', err.problems);
  if (err instanceof CanonicalBaseChanged) fail('Creak cannot start: FHIR_CANONICAL_BASE changed.', [err.message]);
  throw err;
});
const app = buildApp({ config, content, library, clinic, assets, signoffs, logger: true });
// The safety case for the running content is built now, before any request, for the staff Safety page.
const safetyCase = clinic.ctx.safetyCase();

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await clinic.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
app.log.info(`Creak ${content.version} for ${config.clinic.name} at ${config.baseUrl}`);
app.log.info(`content ${content.version} ${clinic.ctx.signoff.signedOff ? 'is signed off' : 'is NOT signed off'}; safety case ${safetyCase.ok ? 'passes' : `fails: ${safetyCase.failures.join(' | ')}`}`);
