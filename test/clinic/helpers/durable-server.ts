// A real server process for the crash test: the whole app on a random port; prints "LISTENING <port>" when ready.
import { createClinic } from '../../../src/clinic/index.js';
import { loadConfig } from '../../../src/config.js';
import { buildApp } from '../../../src/server/app.js';
import { content, FAST_ARGON2 } from './harness.js';

const config = loadConfig(process.env);
const schema = process.env.CREAK_TEST_PG_SCHEMA;
const clinic = await createClinic({
  config, content: content(), schedule: false, log: () => undefined,
  settings: { argon2: FAST_ARGON2, printSetupLink: false, sendLimit: { max: 100_000, windowMs: 60_000 } },
  ...(schema === undefined ? {} : { database: { pgSchema: schema } }),
});
const app = buildApp({ config, content: content(), clinic });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`LISTENING ${typeof address === 'object' && address !== null ? address.port : 0}\n`);
