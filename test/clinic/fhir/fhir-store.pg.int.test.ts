// The published-definitions contract on PostgreSQL (a schema of its own); required when CI=true.
import { postgresBackend, postgresSkip } from '../helpers/backends.js';
import { fhirStoreContract } from './fhir-store-contract.js';

fhirStoreContract(postgresBackend, postgresSkip);
