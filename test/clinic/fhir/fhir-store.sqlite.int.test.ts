// The published-definitions contract on SQLite.
import { sqliteBackend } from '../helpers/backends.js';
import { fhirStoreContract } from './fhir-store-contract.js';

fhirStoreContract(sqliteBackend, () => Promise.resolve(false));
