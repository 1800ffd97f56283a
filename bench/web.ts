// Web benchmark: throughput of question pages, an answer's post and POST /api/v1/triage against a bare node:http server
// returning the same response compressed the same way (same run, interleaved rounds), plus the first question page's weight.
import type { ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.js';
import { loadClinicalContent } from '../src/content/clinical-loader.js';
import { triage } from '../src/engine/index.js';
import { buildApp } from '../src/server/app.js';
import { checkUrl, CheckStates, shownQuestion } from '../src/web/check/check-state.js';
import { formatKey, randomKey } from '../src/web/state/seal.js';
import { answerFieldsFor, answerUntil, PEOPLE } from './web-person.js';
import type { BaselineRoute } from './web-server.js';
import { cpuMicros, hasTaskset, pinLoad, startServerProcess, unpinLoad } from './machine.js';
import { median } from '../src/content/readability.js';

interface Target {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** How the app compresses this response: once at start-up, or per request. */
  precompressed: boolean;
}

interface Sample { reqPerSec: number; cpuMicrosPerReq: number; p99: number }

const ACCEPT = 'gzip, deflate, br';
/** Headers each server writes for itself (framing, encoding, date). */
const PER_RESPONSE_HEADERS = new Set(['content-length', 'content-encoding', 'content-type', 'vary', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

/** The key the app seals page addresses with, shared with the server process so it opens the prepared ones. */
const KEY = randomKey(1);

async function startServer(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const { child, info } = await startServerProcess('bench/web-server.ts', args, { CHECK_STATE_KEYS: formatKey(KEY) });
  return { child, port: (info as { port: number }).port };
}

async function measure(port: number, pid: number, target: Target, amount: number, connections: number): Promise<Sample> {
  const opts = {
    url: `http://127.0.0.1:${String(port)}${target.path}`, method: target.method, headers: { ...target.headers, 'accept-encoding': ACCEPT },
    connections, ...(target.body === undefined ? {} : { body: target.body }),
  };
  await autocannon({ ...opts, amount: Math.max(connections, Math.floor(amount / 5)) });
  const before = cpuMicros(pid);
  // autocannon reports at one-second ticks; time the run to its last response instead.
  const started = performance.now();
  let last = started;
  const run = autocannon({ ...opts, amount }) as unknown as Promise<autocannon.Result> & EventEmitter;
  const events: EventEmitter = run;
  events.on('response', () => { last = performance.now(); });
  const result = await run;
  const seconds = (last - started) / 1000;
  const cpu = cpuMicros(pid) - before;
  const bad = Object.keys(result.statusCodeStats ?? {}).filter((code) => code !== '200' && code !== '303');
  if (bad.length > 0 || result.errors > 0) throw new Error(`${target.name}: statuses ${bad.join(', ')}, ${String(result.errors)} errors`);
  return { reqPerSec: result.requests.total / seconds, cpuMicrosPerReq: cpu / result.requests.total, p99: result.latency.p99 };
}

/** The request bodies and the app's exact responses, from an in-process app. */
async function prepare(): Promise<{ targets: Target[]; responses: Map<string, { type: string; body: string; status: number; headers: Record<string, string> }>; weight: string[] }> {
  const content = loadClinicalContent();
  const config = loadConfig({});
  const app = buildApp({ config, content, stateKeys: [KEY] });
  // Midway through a routine knee check (the page of same-day signs such as a locked knee): the question page at its sealed address, and the post answering it.
  const { answers, stoppedAt } = answerUntil(content, PEOPLE.routine, (q) => q.findings.includes('joint_locked_now'));
  if (stoppedAt === undefined) throw new Error('no mid-check question');
  const token = new CheckStates([KEY], content.version).seal({ answers, question: shownQuestion(stoppedAt) }, new Date());
  const form = new URLSearchParams([['s', token], ...answerFieldsFor(content, stoppedAt, PEOPLE.routine).filter(([k]) => k !== 'q' && k !== 'o')]).toString();
  const apiAnswers = { ...answers };
  if (triage(content, apiAnswers).status !== 'question') throw new Error('expected a question');
  const targets: Target[] = [
    { name: 'first question page (GET /check)', method: 'GET', path: '/check', headers: {}, precompressed: true },
    { name: 'question page mid-check (GET /check/q)', method: 'GET', path: checkUrl('q', token), headers: {}, precompressed: false },
    { name: 'answer mid-check (POST /check, 303)', method: 'POST', path: '/check', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form, precompressed: false },
    { name: 'POST /api/v1/triage', method: 'POST', path: '/api/v1/triage', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: apiAnswers }), precompressed: false },
  ];
  const responses = new Map<string, { type: string; body: string; status: number; headers: Record<string, string> }>();
  for (const t of targets) {
    const res = await app.inject({ method: t.method, url: t.path, headers: t.headers, ...(t.body === undefined ? {} : { payload: t.body }) });
    if (res.statusCode !== 200 && res.statusCode !== 303) throw new Error(`${t.name}: ${String(res.statusCode)}`);
    // The headers the app sends that do not depend on the body or the connection: the baseline sends them too.
    const headers = Object.fromEntries(Object.entries(res.headers)
      .filter(([name]) => !PER_RESPONSE_HEADERS.has(name))
      .map(([name, value]) => [name, String(value)]));
    responses.set(t.name, { type: String(res.headers['content-type'] ?? 'text/plain'), body: res.body, status: res.statusCode, headers });
  }
  // Page weight of the first question page, as sent (precompressed HTML and CSS).
  const page = await app.inject({ url: '/check' });
  const cssUrl = /href="(\/assets\/app\.[^"]+\.css)"/.exec(page.body)?.[1] ?? '';
  const jsUrl = /src="(\/assets\/enhance\.[^"]+\.js)"/.exec(page.body)?.[1] ?? '';
  const sizes = async (url: string) => {
    const raw = (await app.inject({ url })).rawPayload.length;
    const gz = (await app.inject({ url, headers: { 'accept-encoding': 'gzip' } })).rawPayload.length;
    const br = (await app.inject({ url, headers: { 'accept-encoding': 'br' } })).rawPayload.length;
    return { raw, gz, br };
  };
  const html = await sizes('/check');
  const css = await sizes(cssUrl);
  const js = await sizes(jsUrl);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const weight = [
    `first question page: HTML ${kb(html.raw)} (gzip ${kb(html.gz)}, br ${kb(html.br)}); CSS ${kb(css.raw)} (gzip ${kb(css.gz)}, br ${kb(css.br)})`,
    `  HTML + CSS gzipped: ${kb(html.gz + css.gz)} (budget 15 KB: ${html.gz + css.gz < 15 * 1024 ? 'within' : 'OVER'}); brotli: ${kb(html.br + css.br)}`,
    `  script (module, deferred, optional): ${kb(js.raw)} (gzip ${kb(js.gz)}; budget 20 KB); no blocking script`,
    `  question page mid-check: HTML ${kb(Buffer.byteLength(responses.get(targets[1]?.name ?? '')?.body ?? ''))} (gzip ${kb(gzipSync(responses.get(targets[1]?.name ?? '')?.body ?? '').length)}, brotli ${kb(brotliCompressSync(responses.get(targets[1]?.name ?? '')?.body ?? '').length)}); its address ${String(checkUrl('q', token).length)} characters`,
  ];
  await app.close();
  return { targets, responses, weight };
}

export interface WebBenchOptions {
  requests?: number;
  rounds?: number;
  connections?: number;
}

/** Runs the web benchmark and prints its table; `npm run bench` calls it. */
export async function benchWeb(options: WebBenchOptions = {}): Promise<void> {
  const requests = options.requests ?? Number(process.env.BENCH_REQUESTS ?? 20_000);
  const rounds = options.rounds ?? Number(process.env.BENCH_ROUNDS ?? 3);
  const connections = options.connections ?? 10;
  console.log(`\n== web: ${String(requests)} requests x ${String(rounds)} rounds per target and server, ${String(connections)} connections, loopback${hasTaskset ? ', servers on CPU 0, load on CPU 1' : ''} ==`);
  const { targets, responses, weight } = await prepare();
  const routes: BaselineRoute[] = targets.map((t) => {
    const r = responses.get(t.name);
    return {
      path: `/${t.name.replace(/[^a-z0-9]+/gi, '-')}`, type: r?.type ?? 'text/html', body: r?.body ?? '', precompressed: t.precompressed,
      status: r?.status ?? 200, headers: r?.headers ?? {},
    };
  });
  const file = join(tmpdir(), `creak-bench-${String(process.pid)}.json`);
  writeFileSync(file, JSON.stringify(routes));
  pinLoad();
  const app = await startServer(['app']);
  const base = await startServer(['baseline', file]);
  try {
    const samples = new Map<string, { app: Sample[]; base: Sample[] }>(targets.map((t) => [t.name, { app: [], base: [] }]));
    for (let round = 0; round < rounds; round++) {
      for (const [i, t] of targets.entries()) {
        const route = routes[i];
        if (route === undefined) continue;
        const entry = samples.get(t.name);
        const order = round % 2 === 0 ? (['app', 'base'] as const) : (['base', 'app'] as const);
        for (const who of order) {
          const server = who === 'app' ? app : base;
          const sample = await measure(server.port, server.child.pid ?? 0, who === 'app' ? t : { ...t, path: route.path }, requests, connections);
          entry?.[who].push(sample);
        }
      }
    }
    console.log('target                                   | app req/s | baseline req/s | ratio | app µs CPU/req | baseline µs CPU/req | CPU ratio | app p99 ms');
    for (const t of targets) {
      const s = samples.get(t.name);
      if (s === undefined) continue;
      const a = median(s.app.map((x) => x.reqPerSec));
      const b = median(s.base.map((x) => x.reqPerSec));
      const ac = median(s.app.map((x) => x.cpuMicrosPerReq));
      const bc = median(s.base.map((x) => x.cpuMicrosPerReq));
      console.log(`${t.name.padEnd(40)} | ${a.toFixed(0).padStart(9)} | ${b.toFixed(0).padStart(14)} | ${(a / b).toFixed(2).padStart(5)} | ${ac.toFixed(0).padStart(14)} | ${bc.toFixed(0).padStart(19)} | ${(bc / ac).toFixed(2).padStart(9)} | ${median(s.app.map((x) => x.p99)).toFixed(1)}`);
    }
    console.log('ratio = app req/s ÷ baseline req/s (aim ≥ 0.4); CPU ratio = baseline CPU per request ÷ app CPU per request.');
    console.log('The baseline returns the same response: the same body, compressed the same way (per request with gzip 6, or precompressed brotli for the first page), and the same headers (security headers, cache-control, location).');
    for (const line of weight) console.log(line);
  } finally {
    app.child.kill();
    base.child.kill();
    unpinLoad();
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) await benchWeb();
