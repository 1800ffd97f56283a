// `npm run bench`: every benchmark, one after another (engine, then the web and clinic ones when present).
import { benchEngine } from './engine.js';

await benchEngine();
for (const [file, name] of [['./web.js', 'benchWeb'], ['./clinic.js', 'benchClinic'], ['./fhir.js', 'benchFhir']] as const) {
  try {
    const mod = (await import(file)) as Record<string, unknown>;
    const fn = mod[name];
    if (typeof fn === 'function') await (fn as () => Promise<void>)();
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    console.log(`bench: ${file} not present, skipped`);
  }
}
