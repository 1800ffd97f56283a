// `npm run bench`: every benchmark, one after another (engine, due times, the web and clinic ones when present, people).
import { benchDueTime } from './due-time.js';
import { benchEngine } from './engine.js';
import { benchPeople } from './person-load.js';

await benchEngine();
await benchDueTime();
for (const [file, name] of [['./web.js', 'benchWeb'], ['./clinic.js', 'benchClinic']] as const) {
  try {
    const mod = (await import(file)) as Record<string, unknown>;
    const fn = mod[name];
    if (typeof fn === 'function') await (fn as () => Promise<void>)();
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    console.log(`bench: ${file} not present, skipped`);
  }
}
await benchPeople();
