// The webhook suite on SQLite (a data folder of its own, kept across the restart).
import { sqliteBackend } from './helpers/backends.js';
import { webhookSuite } from './webhook-suite.js';

webhookSuite({ name: 'SQLite', skip: () => Promise.resolve(false), backend: sqliteBackend });
