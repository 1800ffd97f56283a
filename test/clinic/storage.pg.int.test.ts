// The storage contract on PostgreSQL (a schema of its own, dropped afterwards); required when CI=true.
import { postgresBackend, postgresSkip } from './helpers/backends.js';
import { storageContract } from './storage-contract.js';

storageContract(postgresBackend, postgresSkip);
