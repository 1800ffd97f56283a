// The SDC adaptive check against the JSON API, with the clinic on PostgreSQL (a schema of its own); required when CI=true.
import { randomBytes } from 'node:crypto';
import { dropPgSchema } from '../../src/db/database.js';
import { PG_URL, postgresSkip } from '../clinic/helpers/backends.js';
import { sdcSuite } from './sdc-suite.js';

sdcSuite({
  name: 'PostgreSQL',
  skip: postgresSkip,
  database: () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    return { options: { databaseUrl: PG_URL, pgSchema: schema, poolSize: 4 }, cleanup: () => dropPgSchema(PG_URL, schema) };
  },
});
