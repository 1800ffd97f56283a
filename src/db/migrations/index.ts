// The in-code list of migrations, applied in order at start. Add a new file for each change; never edit a landed one.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-submission-nonce-and-notified.js';
import * as m0003 from './0003-inbox-order-index.js';
import * as m0004 from './0004-rate-limit.js';
import * as m0005 from './0005-totp-last-step.js';
import * as m0006 from './0006-outbox-retry.js';
import * as m0007 from './0007-login-throttle.js';
import * as m0008 from './0008-audit-subject.js';
import * as m0009 from './0009-fhir-resource.js';
import * as m0010 from './0010-phone-e164.js';
import * as m0011 from './0011-api-client.js';
import * as m0012 from './0012-webhook.js';

const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-submission-nonce-and-notified': m0002,
  '0003-inbox-order-index': m0003,
  '0004-rate-limit': m0004,
  '0005-totp-last-step': m0005,
  '0006-outbox-retry': m0006,
  '0007-login-throttle': m0007,
  '0008-audit-subject': m0008,
  '0009-fhir-resource': m0009,
  '0010-phone-e164': m0010,
  '0011-api-client': m0011,
  '0012-webhook': m0012,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
