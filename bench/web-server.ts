// A server process for the web benchmark: either the real app, or a bare node:http baseline serving the same bodies.
// Usage: node --import tsx bench/web-server.ts app|baseline [bodies.json]; prints {"port":…} on its first line.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadConfig } from '../src/config.js';
import { loadClinicalContent } from '../src/content/clinical-loader.js';
import { buildApp } from '../src/server/app.js';
import { compressBody, pickEncoding } from '../src/server/compress.js';
import { loadLibrary } from '../src/web/library.js';

/** What the baseline serves per path: the same body the app returns, and whether it is compressed per request or once. */
export interface BaselineRoute {
  path: string;
  type: string;
  body: string;
  precompressed: boolean;
  /** 200, or 303 with a Location (an answer's post). */
  status: number;
  /** The app's own response headers (security headers, cache-control, location…), so both send the same response. */
  headers: Record<string, string>;
}

async function serveApp(): Promise<void> {
  const config = loadConfig({ ...process.env, PORT: '0' });
  const content = loadClinicalContent();
  const app = buildApp({ config, content, library: loadLibrary(config, content) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address !== null ? address.port : 0 }));
}

function serveBaseline(file: string): void {
  const routes = new Map<string, BaselineRoute & { br: Buffer; gzip: Buffer }>();
  for (const r of JSON.parse(readFileSync(file, 'utf8')) as BaselineRoute[]) {
    routes.set(r.path, { ...r, br: compressBody(r.body, 'br'), gzip: compressBody(r.body, 'gzip') });
  }
  const server = createServer((req, res) => {
    const route = routes.get(req.url ?? '');
    // Read the whole request body first, as any real handler must.
    req.on('data', () => undefined);
    req.on('end', () => {
      if (route === undefined) {
        res.writeHead(404).end();
        return;
      }
      const encoding = pickEncoding(req.headers['accept-encoding'], route.precompressed ? 'br' : 'gzip');
      const headers: Record<string, string> = { ...route.headers, 'content-type': route.type, vary: 'accept-encoding' };
      let body: Buffer | string = route.body;
      if (encoding !== 'identity') {
        headers['content-encoding'] = encoding;
        body = route.precompressed ? (encoding === 'br' ? route.br : route.gzip) : compressBody(route.body, encoding);
      }
      res.writeHead(route.status, headers).end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(JSON.stringify({ port: typeof address === 'object' && address !== null ? address.port : 0 }));
  });
}

const [mode, file] = process.argv.slice(2);
if (mode === 'app') await serveApp();
else if (mode === 'baseline' && file !== undefined) serveBaseline(file);
else {
  console.error('usage: web-server.ts app | baseline <routes.json>');
  process.exit(2);
}
