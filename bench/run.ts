// `npm run bench [engine|due-time|web|clinic|fhir|people …]`: the benchmarks, one after another (all when none is named).
import { benchClinic } from './clinic.js';
import { benchDueTime } from './due-time.js';
import { benchEngine } from './engine.js';
import { benchFhir } from './fhir.js';
import { benchPeople } from './person-load.js';
import { benchWeb } from './web.js';

const ALL = { engine: benchEngine, 'due-time': benchDueTime, web: benchWeb, clinic: benchClinic, fhir: benchFhir, people: benchPeople } as const;
const named = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = named.filter((n) => !Object.hasOwn(ALL, n));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark ${unknown.join(', ')} (choose from ${Object.keys(ALL).join(', ')})`);
  process.exit(2);
}
for (const name of named.length > 0 ? named : Object.keys(ALL)) await ALL[name as keyof typeof ALL]();
