// A real server process for the crash tests: the whole app on a random port; prints "LISTENING <port>" when ready.
// CREAK_TEST_PG_SCHEMA picks a PostgreSQL schema; CREAK_TEST_SCHEDULE_MS runs the background jobs that often, and
// CREAK_TEST_MAIL_LEASE_MS shortens how long a claimed email is held (the mail crash test).
import { createClinic } from '../../../src/clinic/index.js';
import { loadConfig } from '../../../src/config.js';
import { buildApp } from '../../../src/server/app.js';
import { content, FAST_ARGON2 } from './harness.js';

const config = loadConfig(process.env);
const schema = process.env.CREAK_TEST_PG_SCHEMA;
const scheduleMs = process.env.CREAK_TEST_SCHEDULE_MS;
const leaseMs = process.env.CREAK_TEST_MAIL_LEASE_MS;
const clinic = await createClinic({
  config, content: content(), log: () => undefined,
  ...(scheduleMs === undefined ? { schedule: false } : { schedule: true, scheduleIntervalMs: Number(scheduleMs) }),
  settings: {
    argon2: FAST_ARGON2, printSetupLink: false, sendLimit: { max: 100_000, windowMs: 60_000 },
    ...(leaseMs === undefined ? {} : { mail: { leaseMs: Number(leaseMs), sendTimeoutMs: 60_000, retryBaseMs: 1000, retryMaxMs: 1000 } }),
  },
  ...(schema === undefined ? {} : { database: { pgSchema: schema } }),
});
const app = buildApp({ config, content: content(), clinic });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`LISTENING ${typeof address === 'object' && address !== null ? address.port : 0}\n`);
