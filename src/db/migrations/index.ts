// The in-code list of migrations, applied in order at start. Add a new file for each change; never edit a landed one.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-submission-nonce-and-notified.js';
import * as m0003 from './0003-inbox-order-index.js';
import * as m0004 from './0004-rate-limit.js';
import * as m0010 from './0010-fhir-resource.js';
import * as m0011 from './0011-phone-e164.js';

const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-submission-nonce-and-notified': m0002,
  '0003-inbox-order-index': m0003,
  '0004-rate-limit': m0004,
  '0010-fhir-resource': m0010,
  '0011-phone-e164': m0011,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
