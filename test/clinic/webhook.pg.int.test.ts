// The webhook suite on PostgreSQL (a schema of its own, kept across the restart); required when CI=true.
import { postgresBackend, postgresSkip } from './helpers/backends.js';
import { webhookSuite } from './webhook-suite.js';

webhookSuite({ name: 'PostgreSQL', skip: postgresSkip, backend: postgresBackend });
