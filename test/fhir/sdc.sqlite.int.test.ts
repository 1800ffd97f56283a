// The SDC adaptive check against the JSON API, with the clinic on SQLite.
import { sdcSuite } from './sdc-suite.js';

sdcSuite({ name: 'SQLite', skip: () => Promise.resolve(false) });
