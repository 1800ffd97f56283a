// The API client suite on PostgreSQL (a schema of its own); required when CI=true.
import { randomBytes } from 'node:crypto';
import { dropPgSchema } from '../../src/db/database.js';
import { apiClientSuite } from './api-client-suite.js';
import { PG_URL, postgresSkip } from './helpers/backends.js';

apiClientSuite({
  name: 'PostgreSQL',
  skip: postgresSkip,
  database: () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    return { options: { databaseUrl: PG_URL, pgSchema: schema, poolSize: 4 }, cleanup: () => dropPgSchema(PG_URL, schema) };
  },
});
