// The hardening suite over HTTP on SQLite.
import { hardeningSuite } from './hardening-suite.js';

hardeningSuite({ name: 'SQLite', skip: () => Promise.resolve(false) });
