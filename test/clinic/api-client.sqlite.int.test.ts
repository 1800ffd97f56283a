// The API client suite on SQLite.
import { apiClientSuite } from './api-client-suite.js';

apiClientSuite({ name: 'SQLite', skip: () => Promise.resolve(false) });
