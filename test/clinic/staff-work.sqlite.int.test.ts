// The staff work suite over HTTP on SQLite.
import { staffWorkSuite } from './staff-work-suite.js';

staffWorkSuite({ name: 'SQLite', skip: () => Promise.resolve(false) });
