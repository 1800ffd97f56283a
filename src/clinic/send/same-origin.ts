// Cross-site form posts are refused: Sec-Fetch-Site when the browser sends it, else the Origin header.
import type { FastifyRequest } from 'fastify';

/**
 * True when a state-changing request came from our own pages. Browsers send Sec-Fetch-Site; older ones send Origin
 * (which is "null" under our no-referrer policy, so then the signed form token is the defence).
 */
export function isSameOrigin(request: FastifyRequest, baseUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return true;
  const allowed = new Set([new URL(baseUrl).origin]);
  const host = request.headers.host;
  if (host !== undefined) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return allowed.has(origin);
}
