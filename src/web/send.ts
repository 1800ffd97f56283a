// Sending a rendered page with the right type and caching.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { compressStatic, pickEncoding } from '../server/compress.js';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { renderPage } from './render.js';

/** How long a page may be kept: check pages hold answers, so they are never stored. */
export type CachePolicy = 'no-store' | 'short' | 'revalidate';

const CACHE: Readonly<Record<CachePolicy, string>> = {
  'no-store': 'no-store',
  short: 'public, max-age=300',
  revalidate: 'no-cache',
};

export async function sendPage(reply: FastifyReply, page: JSX.Element, cache: CachePolicy, status = 200): Promise<FastifyReply> {
  const html = await renderPage(page);
  return reply.code(status).header('cache-control', CACHE[cache]).type('text/html; charset=utf-8').send(html);
}

/** A page that is the same for everyone, rendered and compressed once. */
export interface FixedPage {
  html: string;
  br: Buffer;
  gzip: Buffer;
}

export async function fixedPage(page: JSX.Element): Promise<FixedPage> {
  const html = await renderPage(page);
  const body = Buffer.from(html);
  return { html, br: compressStatic(body, 'br'), gzip: compressStatic(body, 'gzip') };
}

export function sendFixedPage(request: FastifyRequest, reply: FastifyReply, page: FixedPage, cache: CachePolicy): FastifyReply {
  reply.header('cache-control', CACHE[cache]).header('vary', 'accept-encoding').type('text/html; charset=utf-8');
  const encoding = pickEncoding(request.headers['accept-encoding']);
  if (encoding === 'identity') return reply.send(page.html);
  return reply.header('content-encoding', encoding).send(encoding === 'br' ? page.br : page.gzip);
}
