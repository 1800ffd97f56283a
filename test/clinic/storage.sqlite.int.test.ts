// The storage contract on SQLite (a fresh file in a temp folder).
import { sqliteBackend } from './helpers/backends.js';
import { storageContract } from './storage-contract.js';

storageContract(sqliteBackend, () => Promise.resolve(false));
