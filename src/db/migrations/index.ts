// The in-code list of migrations, applied in order at start. Add a new file for each change; never edit a landed one.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-submission-nonce-and-notified.js';
import * as m0003 from './0003-inbox-order-index.js';
import * as m0004 from './0004-rate-limit.js';
import * as m0013 from './0013-api-client.js';
import * as m0014 from './0014-webhook.js';

const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-submission-nonce-and-notified': m0002,
  '0003-inbox-order-index': m0003,
  '0004-rate-limit': m0004,
  '0013-api-client': m0013,
  '0014-webhook': m0014,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
