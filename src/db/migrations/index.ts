// The in-code list of migrations, applied in order at start. Add a new file for each change; never edit a landed one.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.js';

const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
