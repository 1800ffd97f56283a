// Sending a rendered page with the right type and caching.
import type { FastifyReply } from 'fastify';
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
