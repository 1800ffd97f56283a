// Where to go after signing in: only a plain path inside the clinic on this site, so the sign-in form cannot send
// anyone elsewhere or put raw bytes into the Location header.
const BASE = 'http://creak.invalid';

/**
 * The path to follow after sign-in, or the inbox. Accepted: printable ASCII only (so no CR/LF, tabs, U+2028 or raw
 * non-ASCII, which would break or split the Location header; percent-encoded text is fine), under /clinic once
 * resolved (no dot segments or protocol-relative tricks), and reasonably short.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length >= 500 || !/^\/[\x21-\x7e]*$/.test(next)) return '/clinic';
  if (next.startsWith('//') || next.includes('\\')) return '/clinic';
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/clinic';
  }
  if (url.origin !== BASE || !/^\/clinic(?:\/|$)/.test(url.pathname) || url.pathname.includes('//')) return '/clinic';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Only a path that needed no rewriting (no dot segments, nothing to re-encode) is followed.
  return path === next ? next : '/clinic';
}
