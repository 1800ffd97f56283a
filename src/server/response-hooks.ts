// The two per-response hooks: precomputed security headers on every reply, and compression of text bodies.
import type { FastifyInstance } from 'fastify';
import { compressBody, isCompressible, MIN_COMPRESS_BYTES, pickEncoding } from './compress.js';
import { isStaffPath } from './security-headers.js';

type Headers = Readonly<Record<string, string>>;

/** Adds the hooks to the app (call before routes are registered, at the root scope); staff pages get their own headers. */
export function addResponseHooks(app: FastifyInstance, headers: { public: Headers; staff: Headers }): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(isStaffPath(request.url) ? headers.staff : headers.public);
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (
      (typeof payload !== 'string' && !Buffer.isBuffer(payload)) ||
      payload.length < MIN_COMPRESS_BYTES ||
      reply.hasHeader('content-encoding') ||
      !isCompressible(reply.getHeader('content-type') as string | undefined)
    ) {
      done(null, payload);
      return;
    }
    const vary = reply.getHeader('vary');
    reply.header('vary', typeof vary === 'string' && vary !== '' ? `${vary}, accept-encoding` : 'accept-encoding');
    const encoding = pickEncoding(request.headers['accept-encoding'], 'gzip');
    if (encoding === 'identity') {
      done(null, payload);
      return;
    }
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    done(null, compressBody(payload, encoding));
  });
}
