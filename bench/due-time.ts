// Due-time benchmark: the Temporal polyfill and date-holidays version against the hand-written Intl version it replaced
// (bench/due-time-before.ts), in one run on the same send times, plus what the two libraries cost at start-up.
import { spawnSync } from 'node:child_process';
import { Bench } from 'tinybench';
import { dueTime, type DuePolicy } from '../src/clinic/due-time.js';
import { loadClinicSettings } from '../src/clinic/settings.js';
import { LEVELS } from '../src/engine/types.js';
import { median } from '../src/content/readability.js';
import { dueTimeBefore, HARD_CODED_HOLIDAYS } from './due-time-before.js';

/** 60 send times through 2026–2027, at different hours and weekdays, including both clock changes and Christmas. */
function sendTimes(): Date[] {
  const times: Date[] = [];
  for (let i = 0; i < 60; i++) times.push(new Date(Date.UTC(2026, 0, 2) + i * 12 * 86_400_000 + ((i * 7) % 24) * 3600_000));
  return times;
}


/** Milliseconds to import a module in a fresh process, and the resident memory it adds (medians of 5). */
function startupCost(code: string): { ms: number; rssMb: number } {
  const runs = Array.from({ length: 5 }, () => {
    const script = `const m0 = process.memoryUsage().rss; const t = performance.now(); ${code}; console.log(JSON.stringify({ ms: performance.now() - t, rssMb: (process.memoryUsage().rss - m0) / 1048576 }));`;
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`start-up probe failed: ${out.stderr}`);
    return JSON.parse(out.stdout) as { ms: number; rssMb: number };
  });
  return { ms: median(runs.map((r) => r.ms)), rssMb: median(runs.map((r) => r.rssMb)) };
}

/** Runs the due-time benchmark and prints the ratio and the start-up cost. */
export async function benchDueTime(): Promise<void> {
  console.log('\n== due time: Temporal polyfill + date-holidays against the hand-written Intl version (same send times, one run) ==');
  const now: DuePolicy = loadClinicSettings({}).due;
  const before: DuePolicy = { ...now, bankHolidays: HARD_CODED_HOLIDAYS };
  const times = sendTimes();
  // Both must agree before either is timed (the years of the hard-coded list only).
  for (const t of times) for (const level of LEVELS) {
    const a = dueTime(level, t, now).toISOString();
    const b = dueTimeBefore(level, t, before).toISOString();
    if (a !== b) throw new Error(`due time differs for ${level} at ${t.toISOString()}: ${a} against ${b}`);
  }
  let sink = 0;
  const calls = times.length * LEVELS.length;
  const bench = new Bench({ time: 1500, warmupTime: 300 });
  bench
    .add(`before: hand-written Intl, hard-coded list (${String(calls)} due times)`, () => {
      for (const t of times) for (const level of LEVELS) sink += dueTimeBefore(level, t, before).getTime();
    })
    .add(`now: Temporal polyfill, date-holidays (${String(calls)} due times)`, () => {
      for (const t of times) for (const level of LEVELS) sink += dueTime(level, t, now).getTime();
    });
  await bench.run();
  console.table(bench.table());
  const [b, a] = bench.tasks.map((t) => (t.result.state === 'completed' ? t.result.latency.p50 : Number.NaN));
  console.log(`due time: ${((a ?? Number.NaN) * 1000 / calls).toFixed(1)} µs per call now, ${((b ?? Number.NaN) * 1000 / calls).toFixed(1)} µs before; now ÷ before = ${((a ?? Number.NaN) / (b ?? Number.NaN)).toFixed(2)}`);
  const bare = startupCost('');
  const temporal = startupCost("await import('temporal-polyfill')");
  const holidays = startupCost("await import('date-holidays')");
  const firstYear = startupCost("const { default: H } = await import('date-holidays'); const t1 = performance.now(); new H('GB', 'ENG').getHolidays(2031); console.error(performance.now() - t1)");
  console.log(`start-up (fresh process, median of 5): import temporal-polyfill ${temporal.ms.toFixed(0)} ms, +${temporal.rssMb.toFixed(0)} MB RSS; ` +
    `import date-holidays ${holidays.ms.toFixed(0)} ms, +${holidays.rssMb.toFixed(0)} MB RSS; first year of holidays worked out: import + year ${firstYear.ms.toFixed(0)} ms ` +
    `(bare process: ${bare.ms.toFixed(1)} ms, +${bare.rssMb.toFixed(0)} MB)`);
  if (sink === 0) console.log(sink);
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) await benchDueTime();
